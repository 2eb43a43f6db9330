// One resolver for files the app ships and folders it writes (core): development, tests, the
// web host, the CLI and the packaged app all agree on where things are.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The project root in development; in a packaged app, set EDUCREDIT_APP_ROOT to resources/app. */
export function appRoot(): string {
  if (process.env.EDUCREDIT_APP_ROOT) return process.env.EDUCREDIT_APP_ROOT;
  let dir = here;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the application root');
    dir = up;
  }
  return dir;
}

export function resourcePath(...parts: string[]): string {
  return join(appRoot(), 'resources', ...parts);
}

export function migrationsFolder(): string {
  return join(appRoot(), 'electron', 'core', 'db', 'migrations');
}

export function rendererDist(): string {
  return join(appRoot(), 'renderer', 'dist');
}

/** The OS user-data folder Electron would use for an app named EduCredit. */
export function defaultDataDir(): string {
  if (process.env.EDUCREDIT_DATA_DIR) return resolve(process.env.EDUCREDIT_DATA_DIR);
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'EduCredit');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'EduCredit');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'EduCredit');
}
