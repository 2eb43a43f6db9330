// The supervision status a bureau sends each school (core): made at the bureau from the school's
// institution row, its grade, the list entries in force and its cases; kept at the school as the
// last status received. A status is sent again only when it changed (its hash, without the day).
import canonicalize from 'canonicalize';
import { supervisionStatus, type SupervisionStatus } from '../../../shared/api/supervisionStatus';
import type { Installation } from '../app/installation';
import type { Raw } from '../db/open';
import { gradeInstitutions } from '../grading/institutions';
import { sha256 } from './format';

const SETTINGS_KEY = 'supervisionStatus';

export function statusFor(raw: Raw, schoolUscc: string, today: string): SupervisionStatus {
  const row = raw.prepare('SELECT id FROM institutions WHERE uscc = ?').get(schoolUscc) as { id: number } | undefined;
  if (!row) return { asOf: today, grade: null, lists: [], cases: [] };
  const g = gradeInstitutions(raw, today, [row.id]).get(row.id)!;
  const entries = raw
    .prepare(
      `SELECT list, subject_kind AS subjectKind, subject_key AS subjectKey, subject_name AS subjectName, start_on AS startOn, end_on AS endOn, reason
       FROM list_entries WHERE state = 'approved' AND start_on <= @today AND end_on >= @today
         AND ((subject_kind = 'institution' AND subject_key = @id) OR (subject_kind = 'teacher' AND subject_key LIKE @teachers))
       ORDER BY id`,
    )
    .all({ today, id: String(row.id), teachers: `${schoolUscc}/%` }) as { list: SupervisionStatus['lists'][number]['list']; subjectKind: 'institution' | 'teacher'; subjectKey: string; subjectName: string; startOn: string; endOn: string; reason: string }[];
  const cases = raw
    .prepare(
      `SELECT number, state, matter, opened_on AS openedOn, notice_number AS noticeNumber, notice_deadline AS noticeDeadline
       FROM negative_cases WHERE institution_id = ? ORDER BY opened_on, id`,
    )
    .all(row.id) as SupervisionStatus['cases'];
  return {
    asOf: today,
    grade: { grade: g.grade, score: g.score, rulesVersion: g.rulesVersion },
    lists: entries.map(({ subjectKey, ...e }) => ({ ...e, teacherId: e.subjectKind === 'teacher' ? subjectKey.slice(schoolUscc.length + 1) : null })),
    cases,
  };
}

/** The status's identity for "has it changed": everything but the day it was made. */
export function statusHash(s: SupervisionStatus): string {
  const { asOf: _asOf, ...rest } = s;
  return sha256(canonicalize(rest)!);
}

/** At the school: the bureau's latest word replaces the previous one (it is a status, not a record). */
export function storeStatus(raw: Raw, s: SupervisionStatus): void {
  raw.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTINGS_KEY, JSON.stringify(s));
}

export function receivedStatus(inst: Installation): SupervisionStatus | null {
  const row = inst.open().raw.prepare('SELECT value FROM settings WHERE key = ?').get(SETTINGS_KEY) as { value: string } | undefined;
  if (!row) return null;
  const parsed = supervisionStatus.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : null;
}
