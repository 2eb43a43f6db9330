// The subjects a list entry can name (core): institutions and practitioners of the bureau's
// registry, and teachers whose files their schools sent (received_rows, keyed `<USCC>/<id>`).
import { AppError } from '../../../shared/api/errors';
import type { ListSubject } from '../../../shared/api/routes/lists';
import { teacherKey, type SupervisedKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';

const LIMIT = 30;
const KIND_ZH: Record<string, string> = { public_school: '公办学校', private_school: '民办学校', training: '培训机构' };

interface TeacherRow {
  school: string;
  id: string;
  data: string;
  schoolName: string | null;
}

function teacherSubject(r: TeacherRow): ListSubject {
  const t = JSON.parse(r.data) as { name: string; staffNo?: string };
  return { kind: 'teacher', key: teacherKey(r.school, r.id), name: t.name, detail: `${r.schoolName ?? r.school}${t.staffNo ? ` · ${t.staffNo}` : ''}` };
}

const TEACHERS = `SELECT r.school, r.remote_id AS id, r.data, coalesce(i.name, p.name) AS schoolName FROM received_rows r
  LEFT JOIN institutions i ON i.uscc = r.school LEFT JOIN sync_partners p ON p.uscc = r.school WHERE r.kind = 'teacher'`;

export function searchSubjects(raw: Raw, kind: SupervisedKind, q: string): ListSubject[] {
  const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  if (kind === 'institution') {
    return (
      raw.prepare(`SELECT id, name, uscc, kind FROM institutions WHERE name LIKE ? ESCAPE '\\' OR uscc LIKE ? ESCAPE '\\' ORDER BY kind, id LIMIT ${LIMIT}`).all(like, like) as {
        id: number;
        name: string;
        uscc: string;
        kind: string;
      }[]
    ).map((i) => ({ kind, key: String(i.id), name: i.name, detail: `${KIND_ZH[i.kind] ?? i.kind} · ${i.uscc}` }));
  }
  if (kind === 'practitioner') {
    return (
      raw
        .prepare(`SELECT p.id, p.name, p.post, i.name AS institution FROM practitioners p JOIN institutions i ON i.id = p.institution_id WHERE p.name LIKE ? ESCAPE '\\' OR i.name LIKE ? ESCAPE '\\' ORDER BY p.id LIMIT ${LIMIT}`)
        .all(like, like) as { id: number; name: string; post: string; institution: string }[]
    ).map((p) => ({ kind, key: String(p.id), name: p.name, detail: `${p.institution} · ${p.post}` }));
  }
  return (raw.prepare(`${TEACHERS} AND (json_extract(r.data, '$.name') LIKE ? ESCAPE '\\' OR coalesce(i.name, p.name, '') LIKE ? ESCAPE '\\') ORDER BY r.school, r.remote_id LIMIT ${LIMIT}`).all(like, like) as TeacherRow[]).map(teacherSubject);
}

/** The subject a key names, or NOT_FOUND: an entry never names someone the bureau does not know. */
export function resolveSubject(raw: Raw, kind: SupervisedKind, key: string): ListSubject {
  if (kind === 'institution' || kind === 'practitioner') {
    const table = kind === 'institution' ? 'institutions' : 'practitioners';
    const row = /^\d+$/.test(key) ? (raw.prepare(`SELECT id, name FROM ${table} WHERE id = ?`).get(Number(key)) as { id: number; name: string } | undefined) : undefined;
    if (!row) throw new AppError('NOT_FOUND', undefined, `${kind} ${key}`);
    return { kind, key: String(row.id), name: row.name, detail: '' };
  }
  const slash = key.indexOf('/');
  const row = slash > 0 ? (raw.prepare(`${TEACHERS} AND r.school = ? AND r.remote_id = ?`).get(key.slice(0, slash), key.slice(slash + 1)) as TeacherRow | undefined) : undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `teacher ${key}`);
  return teacherSubject(row);
}
