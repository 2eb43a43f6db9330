// Who and what an audit entry is about, by name (core): "teacher:1" is 于文旭, "user:3" is 德育干事.
// A student is named only to readers who may see students; to anyone else the entry keeps its
// opaque reference. Names are looked up as they are now, for the entries of one page at a time.
import { splitSubject } from '../../../shared/api/auditWords';
import type { Raw } from '../db/open';

/** Where the name of each kind of subject is found, by the subject's row id. */
interface NameSource {
  from: string;
  name: string;
}

const SOURCES: Record<string, NameSource> = {
  teacher: { from: 'teachers t', name: 't.name' },
  student: { from: 'students t', name: 't.name' },
  user: { from: 'users t', name: 't.display_name' },
  class: { from: 'classes t', name: 't.grade || t.name' },
  institution: { from: 'institutions t', name: 't.name' },
  practitioner: { from: 'practitioners t', name: 't.name' },
  case: { from: 'negative_cases t', name: 't.number' },
  listEntry: { from: 'list_entries t', name: 't.subject_name' },
  decisionRound: { from: 'decision_rounds t', name: 't.title' },
  decisionApplicant: { from: 'decision_applicants t JOIN institutions i ON i.id = t.institution_id', name: 'i.name' },
  'inspection-plan': { from: 'inspection_plans t', name: 't.title' },
  inspection: { from: 'inspections t JOIN institutions i ON i.id = t.institution_id', name: 'i.name' },
};

function escapeLike(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}


/** subject → name for every subject given that has one (and that the reader may see named). */
export function subjectNames(raw: Raw, subjects: readonly string[], mayReadStudents: boolean): Map<string, string> {
  const byKind = new Map<string, Set<number>>();
  for (const s of new Set(subjects)) {
    const { kind, id } = splitSubject(s);
    if (id === null || !/^\d+$/.test(id) || !(kind in SOURCES) || (kind === 'student' && !mayReadStudents)) continue;
    let ids = byKind.get(kind);
    if (!ids) byKind.set(kind, (ids = new Set()));
    ids.add(Number(id));
  }
  const out = new Map<string, string>();
  // A teacher the bureau knows from a school's bundles: `schoolTeacher:<USCC>/<the school's id>`.
  const teacherName = raw.prepare("SELECT data ->> 'name' FROM received_rows WHERE school = ? AND kind = 'teacher' AND remote_id = ?").pluck();
  for (const s of new Set(subjects)) {
    const { kind, id } = splitSubject(s);
    const slash = id?.indexOf('/') ?? -1;
    if (kind !== 'schoolTeacher' || id === null || slash < 1) continue;
    const name = teacherName.get(id.slice(0, slash), id.slice(slash + 1)) as string | undefined;
    if (name !== undefined) out.set(s, name);
  }
  for (const [kind, ids] of byKind) {
    const src = SOURCES[kind]!;
    const list = [...ids];
    const rows = raw.prepare(`SELECT t.id AS id, ${src.name} AS name FROM ${src.from} WHERE t.id IN (${list.map(() => '?').join(',')})`).all(...list) as { id: number; name: string }[];
    for (const r of rows) out.set(`${kind}:${r.id}`, r.name);
  }
  return out;
}

/** The references of subjects whose name holds `q` (a student's only for those who may see students). */
export function subjectsNamed(raw: Raw, q: string, mayReadStudents: boolean): string[] {
  const out: string[] = [];
  for (const [kind, src] of Object.entries(SOURCES)) {
    if (kind === 'student' && !mayReadStudents) continue;
    const rows = raw.prepare(`SELECT t.id AS id FROM ${src.from} WHERE ${src.name} LIKE ? ESCAPE '\\' LIMIT 500`).all(escapeLike(q)) as { id: number }[];
    for (const r of rows) out.push(`${kind}:${r.id}`);
  }
  const teachers = raw
    .prepare("SELECT school || '/' || remote_id FROM received_rows WHERE kind = 'teacher' AND data ->> 'name' LIKE ? ESCAPE '\\' LIMIT 500")
    .pluck()
    .all(escapeLike(q)) as string[];
  for (const key of teachers) out.push(`schoolTeacher:${key}`);
  return out;
}

/** The user names of accounts whose user name or display name holds `q`. */
export function actorsNamed(raw: Raw, q: string): string[] {
  const like = escapeLike(q);
  return (raw.prepare("SELECT username FROM users WHERE username LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\'").all(like, like) as { username: string }[]).map((r) => r.username);
}

/** username → display name, for the actors of one page. */
export function actorNames(raw: Raw, actors: readonly string[]): Map<string, string> {
  const list = [...new Set(actors)];
  if (list.length === 0) return new Map();
  const rows = raw.prepare(`SELECT username, display_name AS name FROM users WHERE username IN (${list.map(() => '?').join(',')})`).all(...list) as { username: string; name: string }[];
  return new Map(rows.map((r) => [r.username, r.name]));
}
