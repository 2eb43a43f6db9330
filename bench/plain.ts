// The benchmarks' baseline store (Node): an unencrypted copy of an installation's tables, opened
// as the core opens its own, so both sides run the same statements on the same rows.
import Database from 'better-sqlite3';
import type { Raw } from '../electron/core/db/open';

/** Copies every table of the encrypted store, with its schema and indexes, into a plain SQLite file. */
export function plainCopy(src: Raw, path: string): number {
  const dst = new Database(path);
  dst.pragma('journal_mode = WAL');
  dst.pragma('synchronous = FULL');
  // Tables are copied one by one, so references are checked only once all rows are there.
  dst.pragma('foreign_keys = OFF');
  const objects = src
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type = 'index', rowid")
    .all() as { type: string; name: string; sql: string }[];
  let rows = 0;
  dst.transaction(() => {
    for (const o of objects.filter((x) => x.type === 'table')) dst.exec(o.sql);
    for (const o of objects.filter((x) => x.type === 'table')) {
      const all = src.prepare(`SELECT * FROM "${o.name}"`).all() as Record<string, unknown>[];
      if (all.length === 0) continue;
      const cols = Object.keys(all[0]!);
      const insert = dst.prepare(`INSERT INTO "${o.name}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`);
      for (const r of all) insert.run(r);
      rows += all.length;
    }
    for (const o of objects.filter((x) => x.type !== 'table')) dst.exec(o.sql);
  })();
  dst.close();
  return rows;
}

export function openPlain(path: string): Raw {
  const raw = new Database(path, { fileMustExist: true });
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  return raw;
}

