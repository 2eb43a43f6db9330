// Every key an audit entry's diff holds must have words in both languages, or the audit screen
// would show people a field key. Walks the diffs as changeLines() reads them.
import type Database from 'better-sqlite3';
import { auditFieldName, changeLines, subjectText } from '../../shared/api/auditWords';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const FIELD_LISTS = new Set(['changed', 'created', 'fields', 'withheld']);

function collect(v: Json, into: Set<string>): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) collect(x, into);
    return;
  }
  for (const [k, x] of Object.entries(v)) {
    if (k === 'private') continue;
    into.add(k);
    if (FIELD_LISTS.has(k) && Array.isArray(x)) for (const f of x) into.add(String(f));
    else collect(x, into);
  }
}

/** The diff keys of every entry in the log that have no words, with a route each appears under. */
export function unnamedAuditKeys(raw: Database.Database): string[] {
  const unnamed = new Map<string, string>();
  for (const { route, diff } of raw.prepare('SELECT route, diff FROM audit_log').all() as { route: string; diff: string | null }[]) {
    if (diff === null) continue;
    const keys = new Set<string>();
    collect(JSON.parse(diff) as Json, keys);
    for (const k of keys) {
      if (auditFieldName(k, 'zh-CN') === undefined || auditFieldName(k, 'en') === undefined) unnamed.set(k, route);
    }
  }
  return [...unnamed].map(([k, route]) => `${k} (${route})`).sort();
}

/**
 * Lines and subjects of the log that would read as code: an object printed whole, a field with
 * nothing after it, or a subject shown by its reference (objections, 信用记录 #teacher).
 */
export function unreadableAuditText(raw: Database.Database): string[] {
  const bad = new Set<string>();
  for (const { route, subject, diff } of raw.prepare('SELECT route, subject, diff FROM audit_log').all() as { route: string; subject: string; diff: string | null }[]) {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const line of changeLines(diff, lang, route)) if (line.includes('[object Object]') || /[：:]\s*$/.test(line)) bad.add(`${route}: ${line}`);
      const said = subjectText({ subject, subjectName: null }, lang);
      if (/^[a-z_]+(:|$)|#[^\d]/.test(said)) bad.add(`${route}: subject ${said}`);
    }
  }
  return [...bad].sort();
}
