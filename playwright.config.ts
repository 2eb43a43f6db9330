// Playwright e2e: Debian's Chromium against the web host, one fresh data folder per host.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * credit: test/e2e/credit.spec.ts's own demo school, so its serial flow shares state with no other
 * spec; reports: test/e2e/reports.spec.ts's, for the same reason; syncSchool and syncBureau:
 * test/e2e/sync.spec.ts's demo school and demo bureau, which exchange bundles with each other;
 * institutions, grading, cases, decisions, inspections, overview: the bureau specs' own demo bureaus;
 * accounts: test/e2e/accounts.spec.ts's fresh installation; damaged: a school whose DB file was
 * damaged after a backup (test/e2e/hosts/damaged.ts), for the error screen's restore;
 * teacherAccounts: test/e2e/teacher-accounts.spec.ts's demo school, whose teachers get accounts;
 * lists: test/e2e/lists.spec.ts's demo school, whose lists are printed and exported.
 */
export const HOSTS = {
  fresh: 5191,
  demo: 5192,
  bureau: 5193,
  credit: 5194,
  reports: 5195,
  syncSchool: 5196,
  syncBureau: 5197,
  institutions: 5198,
  grading: 5199,
  cases: 5200,
  decisions: 5201,
  inspections: 5202,
  overview: 5203,
  accounts: 5204,
  damaged: 5205,
  teacherAccounts: 5206,
  lists: 5207,
  bureauForms: 5208,
  importSafety: 5209,
} as const;

/** Hosts that start from prepared data instead of an empty folder. */
const PREPARED: Partial<Record<keyof typeof HOSTS, string>> = { damaged: 'test/e2e/hosts/damaged.ts' };

/**
 * E2E_HOSTS=credit,accounts starts only those hosts, for running one spec while working on it;
 * unset (as in CI), every host starts.
 */
function wanted(name: string): boolean {
  const only = process.env.E2E_HOSTS?.split(',').map((h) => h.trim());
  return !only || only.includes(name);
}

function host([name, port]: [string, number]): { command: string; url: string; reuseExistingServer: boolean; env: Record<string, string>; timeout: number } {
  return {
    // The built host (npm run build:node, which test:e2e runs first) starts in a second; a prepared
    // host runs its setup from source.
    command: PREPARED[name as keyof typeof HOSTS] ? `npx tsx ${PREPARED[name as keyof typeof HOSTS]}` : 'node out/node/host.mjs',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { PORT: String(port), EDUCREDIT_DATA_DIR: mkdtempSync(join(tmpdir(), `educredit-e2e-${port}-`)) },
  };
}

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: Object.entries(HOSTS).filter(([name]) => wanted(name)).map(host),
});
