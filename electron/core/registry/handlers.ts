// Registry route handlers (core): teachers, classes, students, and the audited student export.
import { loadExcel } from '../export/excel';
import { TEACHER_EDITORS, type registryRoutes, type StudentView } from '../../../shared/api/routes/registry';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { today } from '../clock';
import { safeRow } from '../export/cells';
import { me, type Handlers } from '../handler';
import { createTeacher, getTeacher, listTeachers, maskedTeacher, setTeacherStatus, teacherForReader, updateTeacher } from './teachers';
import { createClass, createStudent, listClasses, listStudents, setStudentStatus, updateStudent } from './students';
import { teacherListDocument } from './teacherExport';
import { sendList } from '../export/send';
import { term } from '../../../shared/vocabulary';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function studentWorkbook(rows: StudentView[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('学生');
  ws.columns = [
    { header: '学号', key: 'studentNo', width: 14 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '年级', key: 'grade', width: 10 },
    { header: '班级', key: 'className', width: 8 },
    { header: '状态', key: 'status', width: 8 },
    { header: '记录数', key: 'records', width: 8 },
  ];
  for (const r of rows) {
    ws.addRow(safeRow({ ...r, gender: term('zh-CN', 'gender', r.gender), status: term('zh-CN', 'studentStatus', r.status), records: r.recordCount }));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const registryHandlers: Handlers<typeof registryRoutes> = {
  'teachers.list': (ctx, f) => {
    const page = listTeachers(ctx.inst.open().raw, { ...f, wholeIdSearch: TEACHER_EDITORS.includes(me(ctx).role) });
    return { ...page, rows: page.rows.map(maskedTeacher) };
  },
  'teachers.export': async (ctx, { format, lang, ...f }) => {
    const rows = listTeachers(ctx.inst.open().raw, { ...f, wholeIdSearch: TEACHER_EDITORS.includes(me(ctx).role), offset: 0, limit: 1_000_000 }).rows;
    return sendList(ctx.inst, me(ctx), { route: 'teachers.export', subject: 'teachers', baseName: lang === 'en' ? 'teachers' : '教师名册', format, lang, filter: f, document: teacherListDocument(rows, f, lang) });
  },
  'teachers.get': (ctx, { id }) => teacherForReader(getTeacher(ctx.inst.open().raw, id), me(ctx).role),
  'teachers.create': (ctx, f) => {
    const t = createTeacher(ctx.inst.open().raw, f, today(ctx.inst));
    ctx.audit({ subject: `teacher:${t.id}`, diff: { ...f, idNumber: maskIdNumber(t.idNumber) } });
    return t;
  },
  'teachers.update': (ctx, { id, ...f }) => {
    const { teacher, changed } = updateTeacher(ctx.inst.open().raw, id, f, today(ctx.inst));
    const id6 = changed.idNumber;
    ctx.audit({ subject: `teacher:${id}`, diff: id6 ? { ...changed, idNumber: { from: maskIdNumber(String(id6.from)), to: maskIdNumber(String(id6.to)) } } : changed });
    return teacher;
  },
  'teachers.setStatus': (ctx, { id, status }) => {
    const t = setTeacherStatus(ctx.inst.open().raw, id, status);
    ctx.audit({ subject: `teacher:${id}`, diff: { status } });
    return t;
  },
  'classes.list': ({ inst }) => listClasses(inst.open().raw),
  'classes.create': (ctx, { grade, name }) => {
    const c = createClass(ctx.inst.open().raw, grade, name);
    ctx.audit({ subject: `class:${c.id}`, diff: { grade, name } });
    return c;
  },
  'students.list': ({ inst }, f) => listStudents(inst.open().raw, f),
  // A student is named in the audit log only by row id; what identifies or describes the student
  // goes into the entry's private part, which the auditor never receives.
  'students.create': (ctx, f) => {
    const s = createStudent(ctx.inst.open().raw, f);
    ctx.audit({ subject: `student:${s.id}`, diff: { created: Object.keys(f).sort() }, private: f });
    return s;
  },
  'students.update': (ctx, { id, ...f }) => {
    const { student, changed } = updateStudent(ctx.inst.open().raw, id, f);
    ctx.audit({ subject: `student:${id}`, diff: { changed: Object.keys(changed).sort() }, private: changed });
    return student;
  },
  'students.setStatus': (ctx, { id, status }) => {
    const s = setStudentStatus(ctx.inst.open().raw, id, status);
    ctx.audit({ subject: `student:${id}`, diff: { status } });
    return s;
  },
  // The rows are read and the export audited in one transaction; the workbook is written after.
  'students.export': async (ctx, { classId }) => {
    const actor = me(ctx).username;
    const rows = ctx.inst.write<StudentView[]>(
      (read) => ({ actor, route: 'students.export', subject: classId === undefined ? 'students' : `class:${classId}`, diff: { exported: read.length } }),
      ({ raw }) => listStudents(raw, { classId, sort: 'class', dir: 'asc', offset: 0, limit: 1_000_000 }).rows,
    );
    const data = await studentWorkbook(rows);
    // The workbook is the roster template's own (Chinese heads): named like the other lists.
    return { fileName: `学生名册-${today(ctx.inst)}.xlsx`, mime: XLSX_MIME, dataBase64: data.toString('base64') };
  },
};
