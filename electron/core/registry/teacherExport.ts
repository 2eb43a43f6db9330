// The teacher register as a list to export or print (core): the columns and the filter in words,
// in the reader's language. ID numbers are masked, as in the list on screen.
import type { Lang } from '../../../shared/api/messages';
import type { TeacherView } from '../../../shared/api/routes/registry';
import { dateText } from '../../../shared/format/dates';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { term } from '../../../shared/vocabulary';
import type { ListDocument } from '../export/listDocument';
import type { TeacherFilter } from './teachers';

const WORDS = {
  'zh-CN': {
    title: '教师名册', staffNo: '工号', name: '姓名', gender: '性别', idNumber: '身份证号', subject: '任教学科', jobTitle: '职称', hireDate: '入职日期',
    status: '状态', records: '记录数', account: '账户', noAccount: '未开通', q: '查询', accountNone: '未开通账户', accountHas: '已开通账户', colon: '：',
  },
  en: {
    title: 'Teacher register', staffNo: 'Staff no.', name: 'Name', gender: 'Gender', idNumber: 'ID number', subject: 'Subject', jobTitle: 'Title', hireDate: 'Hired on',
    status: 'Status', records: 'Records', account: 'Account', noAccount: 'none', q: 'Search', accountNone: 'no account yet', accountHas: 'has an account', colon: ': ',
  },
} as const;

export function teacherListDocument(rows: readonly TeacherView[], f: Omit<TeacherFilter, 'offset' | 'limit' | 'wholeIdSearch'>, lang: Lang): ListDocument<TeacherView> {
  const w = WORDS[lang];
  const filters: string[] = [];
  if (f.q) filters.push(`${w.q}${w.colon}${f.q}`);
  if (f.status) filters.push(`${w.status}${w.colon}${term(lang, 'teacherStatus', f.status)}`);
  if (f.subject) filters.push(`${w.subject}${w.colon}${f.subject}`);
  if (f.account) filters.push(`${w.account}${w.colon}${f.account === 'none' ? w.accountNone : w.accountHas}`);
  return {
    title: w.title,
    filters,
    rows,
    columns: [
      { header: w.staffNo, value: (r) => r.staffNo, weight: 0.9 },
      { header: w.name, value: (r) => r.name },
      { header: w.gender, value: (r) => term(lang, 'gender', r.gender), weight: 0.5 },
      { header: w.idNumber, value: (r) => maskIdNumber(r.idNumber), weight: 1.7 },
      { header: w.subject, value: (r) => r.subject },
      { header: w.jobTitle, value: (r) => r.title || '—' },
      { header: w.hireDate, value: (r) => dateText(r.hireDate, lang), weight: 1.1 },
      { header: w.status, value: (r) => term(lang, 'teacherStatus', r.status), weight: 0.6 },
      { header: w.records, value: (r) => r.recordCount, weight: 0.6, align: 'right' },
      { header: w.account, value: (r) => r.account ?? w.noAccount, weight: 0.9 },
    ],
  };
}
