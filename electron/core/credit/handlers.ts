// Credit route handlers (core). The contract lets teachers and auditors call some of these; the
// rules below narrow them: a teacher sees only their own file, nobody but the school
// administrator and the records clerk sees a student's.
import { receivedStatus } from '../sync/supervision';
import { AppError } from '../../../shared/api/errors';
import type { creditRoutes, RecordView } from '../../../shared/api/routes/credit';
import { grade } from '../../../shared/domain/creditRules';
import type { Installation } from '../app/installation';
import type { Session } from '../auth/sessions';
import { currentVersion, listItems, listVersions, publish } from '../catalogue/service';
import { today } from '../clock';
import { getEvidence } from '../evidence/store';
import { me, type Ctx, type Handlers } from '../handler';
import { getStudent } from '../registry/students';
import { getTeacher, teacherForReader } from '../registry/teachers';
import { STUDENT_READERS, TEACHER_EDITORS } from '../../../shared/api/routes/registry';
import { listRecords, subjectRecords } from './query';
import { amendRecord, createRecord, decideObjection, mustGetRecord, raiseObjection, repairRecord, revokeRecord } from './records';
import { objectionListDocument, recordListDocument } from './recordExport';
import { sendList } from '../export/send';


/** The teacher record a teacher account belongs to. */
function ownTeacherId(inst: Installation, s: Session): number {
  const row = inst.open().raw.prepare('SELECT teacher_id AS teacherId FROM users WHERE id = ?').get(s.userId) as { teacherId: number | null } | undefined;
  if (!row?.teacherId) throw new AppError('FORBIDDEN', { route: 'creditFile.teacher' });
  return row.teacherId;
}

/** Who may read records of this subject. */
function assertMayRead(inst: Installation, s: Session, subjectKind: 'teacher' | 'student', subjectId: number | undefined, route: string): void {
  if (subjectKind === 'student' && !STUDENT_READERS.includes(s.role)) throw new AppError('FORBIDDEN', { route });
  if (s.role === 'teacher' && (subjectKind !== 'teacher' || subjectId !== ownTeacherId(inst, s))) throw new AppError('FORBIDDEN', { route });
}

function fileOf(records: RecordView[]): ReturnType<typeof grade> {
  return grade(records.filter((r) => r.kind !== 'revocation').map((r) => ({ id: r.id, status: r.status, points: r.item.points })));
}

/**
 * A teacher's record is audited as it is. A student's is named by row ids only: what the record
 * says about the minor (item, dates, words, reasons) is the entry's private part.
 */
function recordAudit(ctx: Ctx, r: RecordView, diff: Record<string, unknown>): void {
  const subject = `${r.subjectKind}:${r.subjectId}`;
  if (r.subjectKind === 'student') ctx.audit({ subject, diff: { record: r.id, fields: Object.keys(diff).sort() }, private: diff });
  else ctx.audit({ subject, diff: { record: r.id, ...diff } });
}

/** The records under objection, by the state of their newest objection, newest objection first. */
function objectionRecords(inst: Installation, state: 'open' | 'decided' | 'all'): RecordView[] {
  const where = state === 'open' ? 'WHERE o.decision IS NULL' : state === 'decided' ? 'WHERE o.decision IS NOT NULL' : '';
  const ids = inst
    .open()
    .raw.prepare(`SELECT o.record_id AS id FROM objections o WHERE o.id = (SELECT max(id) FROM objections WHERE record_id = o.record_id) ${where ? where.replace('WHERE', 'AND') : ''} ORDER BY o.id DESC`)
    .all() as { id: number }[];
  return ids.map(({ id }) => mustGetRecord(inst, id));
}

export const creditHandlers: Handlers<typeof creditRoutes> = {
  'catalogue.current': ({ inst }) => {
    const raw = inst.open().raw;
    const version = currentVersion(raw);
    const v = listVersions(raw).find((x) => x.version === version)!;
    return { ...v, items: listItems(raw, version) };
  },
  'catalogue.versions': ({ inst }) => listVersions(inst.open().raw),
  'catalogue.publish': (ctx, { note, items }) => {
    const v = publish(ctx.inst.open().raw, me(ctx).username, note, items, ctx.inst.clock.now());
    ctx.audit({ subject: `catalogue:${v.version}`, diff: { note, items: items.length } });
    return v;
  },

  'records.list': (ctx, f) => {
    const s = me(ctx);
    const subjectId = s.role === 'teacher' ? ownTeacherId(ctx.inst, s) : f.subjectId;
    assertMayRead(ctx.inst, s, f.subjectKind, subjectId, 'records.list');
    return listRecords(ctx.inst.open().raw, { ...f, subjectId, wholeIdSearch: TEACHER_EDITORS.includes(s.role) }, today(ctx.inst));
  },
  'records.export': async (ctx, { format, lang, ...f }) => {
    const s = me(ctx);
    assertMayRead(ctx.inst, s, f.subjectKind, f.subjectId, 'records.export');
    // Exporting students' data is for the school administrator alone (README: data protection).
    if (f.subjectKind === 'student' && s.role !== 'school_admin') throw new AppError('FORBIDDEN', { route: 'records.export' });
    const raw = ctx.inst.open().raw;
    const rows = listRecords(raw, { ...f, wholeIdSearch: TEACHER_EDITORS.includes(s.role), offset: 0, limit: 1_000_000 }, today(ctx.inst)).rows;
    const cls = f.classId === undefined ? null : (raw.prepare("SELECT grade || name AS label FROM classes WHERE id = ?").get(f.classId) as { label: string } | undefined)?.label ?? null;
    const student = f.subjectKind === 'student';
    return sendList(ctx.inst, s, {
      route: 'records.export',
      subject: student ? 'records:student' : 'records:teacher',
      baseName: lang === 'en' ? `${f.subjectKind}-records` : student ? '学生信用记录' : '教师信用记录',
      format,
      lang,
      filter: f,
      filterIsPrivate: student,
      document: recordListDocument(rows, f, lang, cls),
    });
  },
  'records.create': (ctx, input) => {
    const r = createRecord(ctx.inst, me(ctx).userId, input);
    recordAudit(ctx, r, { item: r.item.code, occurredOn: r.occurredOn, description: r.description, evidence: r.evidence.map((e) => e.sha256) });
    return r;
  },
  'records.amend': (ctx, { reason, ...input }) => {
    const r = amendRecord(ctx.inst, me(ctx).userId, input);
    recordAudit(ctx, r, { amends: r.supersedesId, reason, item: r.item.code, occurredOn: r.occurredOn, description: r.description });
    return r;
  },
  'records.revoke': (ctx, { recordId, reason }) => {
    const r = revokeRecord(ctx.inst, me(ctx).userId, recordId, reason);
    recordAudit(ctx, r, { revokes: recordId, reason });
    return r;
  },
  'records.repair': (ctx, { recordId, reason, effectiveOn }) => {
    const r = repairRecord(ctx.inst, me(ctx).userId, recordId, reason, effectiveOn);
    recordAudit(ctx, r, { repair: r.repair?.kind, reason, effectiveOn });
    return r;
  },
  'objections.raise': (ctx, { recordId, reason, evidence }) => {
    const s = me(ctx);
    const r = raiseObjection(ctx.inst, s.userId, ownTeacherId(ctx.inst, s), recordId, reason, evidence);
    recordAudit(ctx, r, { objection: r.objection?.id, reason, evidence: r.objection?.evidence.map((e) => e.sha256) ?? [] });
    return r;
  },
  'objections.decide': (ctx, { objectionId, decision, reason }) => {
    const r = decideObjection(ctx.inst, me(ctx).userId, objectionId, decision, reason);
    recordAudit(ctx, r, { objection: objectionId, decision, reason });
    return r;
  },
  'objections.list': ({ inst }, { state }) => objectionRecords(inst, state),
  'objections.export': async (ctx, { state, format, lang }) =>
    sendList(ctx.inst, me(ctx), {
      route: 'objections.export',
      subject: 'objections',
      baseName: lang === 'en' ? 'objections' : '异议处理登记',
      format,
      lang,
      filter: { state },
      document: objectionListDocument(objectionRecords(ctx.inst, state), state, lang),
    }),
  'creditFile.teacher': (ctx, { teacherId }) => {
    const s = me(ctx);
    const id = s.role === 'teacher' ? ownTeacherId(ctx.inst, s) : teacherId;
    if (id === undefined) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'teacherId', message: 'required' }]);
    const raw = ctx.inst.open().raw;
    const teacher = teacherForReader(getTeacher(raw, id), s.role);
    const records = subjectRecords(raw, 'teacher', id, today(ctx.inst));
    // The bureau's word on this teacher, as its latest status to the school carried it.
    const status = receivedStatus(ctx.inst);
    const lists = (status?.lists ?? [])
      .filter((l) => l.subjectKind === 'teacher' && l.teacherId === String(id) && l.endOn >= today(ctx.inst))
      .map(({ list, startOn, endOn, reason }) => ({ list, startOn, endOn, reason, asOf: status!.asOf }));
    return { teacher, grade: fileOf(records), records, lists };
  },
  'creditFile.student': (ctx, { studentId }) => {
    const raw = ctx.inst.open().raw;
    const student = getStudent(raw, studentId);
    const records = subjectRecords(raw, 'student', studentId, today(ctx.inst));
    // Reading a minor's file is itself a fact worth keeping.
    ctx.audit({ subject: `student:${studentId}`, diff: { read: 'creditFile', records: records.length } });
    return { student, grade: fileOf(records), records };
  },
  'evidence.get': (ctx, { recordId, sha256 }) => {
    const s = me(ctx);
    const r = mustGetRecord(ctx.inst, recordId);
    assertMayRead(ctx.inst, s, r.subjectKind, r.subjectId, 'evidence.get');
    // A record's own evidence, or what its teacher attached to the objection to it.
    const e = r.evidence.find((x) => x.sha256 === sha256) ?? r.objection?.evidence.find((x) => x.sha256 === sha256);
    if (!e) throw new AppError('NOT_FOUND');
    return { fileName: e.fileName, mime: e.mime, dataBase64: getEvidence(ctx.inst, sha256).toString('base64') };
  },
};
