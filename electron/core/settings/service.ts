// Installation settings (core): language, backup folder and retention, idle lock.
import { join } from 'node:path';
import type { Installation } from '../app/installation';

export interface Settings {
  language: 'zh-CN' | 'en';
  backupDir: string;
  backupKeep: number;
  idleLockMinutes: number;
  /** The supervising bureau, named on teacher credit reports. */
  bureauName: string;
  /** At a bureau with two administrators or more, a list entry is approved by someone other than its proposer. */
  fourEyes: boolean;
}

function defaults(inst: Installation): Settings {
  return { language: 'zh-CN', backupDir: join(inst.dataDir, 'backups'), backupKeep: 14, idleLockMinutes: 10, bureauName: '舞钢市教育体育局', fourEyes: true };
}

export function readSettings(inst: Installation): Settings {
  const rows = inst.open().raw.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const s = defaults(inst);
  for (const { key, value } of rows) {
    if (key === 'language' && (value === 'zh-CN' || value === 'en')) s.language = value;
    if (key === 'backupDir') s.backupDir = value;
    if (key === 'backupKeep') s.backupKeep = Number(value);
    if (key === 'idleLockMinutes') s.idleLockMinutes = Number(value);
    if (key === 'bureauName') s.bureauName = value;
    if (key === 'fourEyes') s.fourEyes = value === 'true';
  }
  return s;
}

/** Call inside a write transaction; returns the settings after the change and what changed. */
export function updateSettings(inst: Installation, patch: { [K in keyof Settings]?: Settings[K] | undefined }): { settings: Settings; changed: Partial<Settings> } {
  const before = readSettings(inst);
  const upsert = inst.open().raw.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  const changed: Partial<Settings> = {};
  for (const [k, v] of Object.entries(patch) as [keyof Settings, string | number | boolean | undefined][]) {
    if (v === undefined || before[k] === v) continue;
    upsert.run(k, String(v));
    Object.assign(changed, { [k]: v });
  }
  return { settings: { ...before, ...changed }, changed };
}
