// Accounts for many teachers at once (core): each gets a user name and a random initial password,
// which only lets them choose their own at the first login. The passwords leave the core only on
// the printed slips; the key slots are made off the event loop, then the accounts and their slots
// land together once the one transaction has committed.
import { randomInt } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { Installation } from '../app/installation';
import { getUser, insertUser } from '../auth/service';
import type { Session } from '../auth/sessions';
import { prepareSlot } from '../keys/keyfile';
import { readOrg } from '../setup/org';
import { renderSlips, type Slip } from './slips';

/** Letters and digits nobody misreads on paper: no 0/O, 1/l/I. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** 12 characters in three groups (about 59 bits), easy to type from a slip. */
export function initialPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g += 1) {
    let s = '';
    for (let i = 0; i < 4; i += 1) s += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(s);
  }
  return groups.join('-');
}

const USERNAME = /^[A-Za-z0-9_.-]{2,32}$/;

interface Candidate {
  id: number;
  name: string;
  staffNo: string;
  status: string;
  username: string | null;
}

export interface SkippedTeacher {
  teacherId: number;
  name: string;
  reason: 'hasAccount' | 'inactive';
  username: string | null;
}

export interface TeacherAccountsResult {
  created: { teacherId: number; name: string; staffNo: string; username: string; userId: number }[];
  skipped: SkippedTeacher[];
  /** The slips to print and cut, one per account made; null when none was made. */
  slips: Buffer | null;
}

function candidates(inst: Installation, teacherIds: readonly number[] | undefined): Candidate[] {
  const raw = inst.open().raw;
  const select = `SELECT t.id, t.name, t.staff_no AS staffNo, t.status, (SELECT u.username FROM users u WHERE u.teacher_id = t.id ORDER BY u.id LIMIT 1) AS username FROM teachers t`;
  if (teacherIds === undefined) return raw.prepare(`${select} WHERE t.status = 'active' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.teacher_id = t.id) ORDER BY t.staff_no, t.id`).all() as Candidate[];
  const one = raw.prepare(`${select} WHERE t.id = ?`);
  return [...new Set(teacherIds)].map((id) => {
    const row = one.get(id) as Candidate | undefined;
    if (!row) throw new AppError('NOT_FOUND', undefined, `teacher ${id}`);
    return row;
  });
}

/** The staff number when it can be a user name and is free, else t<id>, then -2, -3 … */
function userNames(inst: Installation, teachers: readonly Candidate[]): Map<number, string> {
  const taken = new Set((inst.open().raw.prepare('SELECT lower(username) AS u FROM users').all() as { u: string }[]).map((r) => r.u));
  const out = new Map<number, string>();
  for (const t of teachers) {
    const base = USERNAME.test(t.staffNo) ? t.staffNo : `t${t.id}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base.slice(0, 28)}-${n}`;
    taken.add(name.toLowerCase());
    out.set(t.id, name);
  }
  return out;
}

/**
 * Makes an account for each teacher named (or, without ids, every active teacher who has none),
 * skipping teachers who have one or have left, and renders the slips of the accounts made.
 */
export async function createTeacherAccounts(inst: Installation, s: Session, teacherIds?: readonly number[]): Promise<TeacherAccountsResult> {
  const all = candidates(inst, teacherIds);
  const skipped: SkippedTeacher[] = [];
  const todo: Candidate[] = [];
  for (const t of all) {
    if (t.username !== null) skipped.push({ teacherId: t.id, name: t.name, reason: 'hasAccount', username: t.username });
    else if (t.status !== 'active') skipped.push({ teacherId: t.id, name: t.name, reason: 'inactive', username: null });
    else todo.push(t);
  }
  if (todo.length === 0) return { created: [], skipped, slips: null };

  const names = userNames(inst, todo);
  const planned = todo.map((t) => ({ teacher: t, username: names.get(t.id)!, password: initialPassword() }));
  // scrypt runs in libuv's pool: the host keeps answering while a hundred slots are made.
  const slots = await Promise.all(planned.map((p) => prepareSlot(inst.key(), p.username, p.password)));

  const created = inst.write(
    (rows) => ({ actor: s.username, route: 'users.createForTeachers', subject: 'users', diff: { accounts: rows.map((r) => ({ user: r.userId, username: r.username, teacher: r.teacherId, name: r.name })) } }),
    () => {
      // insertUser checks again, in the transaction, that the teacher still has no account.
      const rows = planned.map((p) => {
        const u = insertUser(inst, { username: p.username, displayName: p.teacher.name, role: 'teacher', password: p.password, teacherId: p.teacher.id, mustChangePassword: true });
        return { teacherId: p.teacher.id, name: p.teacher.name, staffNo: p.teacher.staffNo, username: u.username, userId: u.id };
      });
      inst.afterCommit(() => inst.keyStore().putSlots(slots));
      return rows;
    },
  );

  const org = readOrg(inst);
  const slips: Slip[] = planned.map((p) => ({ teacherName: p.teacher.name, staffNo: p.teacher.staffNo, username: p.username, password: p.password }));
  return { created, skipped, slips: await renderSlips({ schoolName: org.name, issuedAt: inst.clock.now().toISOString(), issuedBy: getUser(inst, s.userId).displayName }, slips) };
}
