// The organisation an installation belongs to (core), kept in the encrypted meta table.
import type { Mode } from '../../../shared/domain/roles';
import type { Installation } from '../app/installation';

export interface Org {
  mode: Mode;
  name: string;
  uscc: string;
}

export function readOrg(inst: Installation): Org {
  const rows = inst.open().raw.prepare("SELECT key, value FROM meta WHERE key IN ('orgName', 'uscc')").all() as { key: string; value: string }[];
  const get = (k: string): string => rows.find((r) => r.key === k)?.value ?? '';
  return { mode: inst.mode(), name: get('orgName'), uscc: get('uscc') };
}

export function writeOrg(inst: Installation, org: { name: string; uscc: string; installationId: string; createdAt: string }): void {
  const put = inst.open().raw.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  put.run('orgName', org.name);
  put.run('uscc', org.uscc);
  put.run('installationId', org.installationId);
  put.run('createdAt', org.createdAt);
}
