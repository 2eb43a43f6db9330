// Import templates (core): an .xlsx per kind with the Chinese headers schools use, one example
// row, and the identifier columns formatted as text so Excel never turns an ID number into a
// rounded number. The records template also lists the current catalogue's codes.
import { loadExcel } from '../export/excel';
import { IMPORT_HEADERS, type ImportField } from '../../../shared/api/importMessages';
import type { CatalogueItemView } from '../../../shared/api/routes/credit';
import { makeIdNumber } from '../../../shared/domain/idNumber';
import { TEMPLATE_FIELDS, type ImportKind } from './columns';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FILE_NAMES: Record<ImportKind, string> = { teachers: '教师导入模板.xlsx', students: '学生导入模板.xlsx', records: '信用记录导入模板.xlsx' };

/** Columns typed as text: identifiers with more digits than Excel keeps, or leading zeros. */
const TEXT_FIELDS = new Set<ImportField>(['idNumber', 'staffNo', 'studentNo', 'guardianContact', 'itemCode', 'class']);
const DATE_FIELDS = new Set<ImportField>(['hireDate', 'occurredOn']);
const WIDTHS: Partial<Record<ImportField, number>> = { idNumber: 22, guardianContact: 16, description: 40, studentNo: 14, hireDate: 12, occurredOn: 12, itemCode: 10 };

const EXAMPLE_ID = makeIdNumber('410481', '19850312', '123');
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

type Example = Partial<Record<ImportField, string | Date>>;
const EXAMPLES: Record<ImportKind, Example[]> = {
  teachers: [{ name: '张三', gender: '男', idNumber: EXAMPLE_ID, staffNo: '1001', subject: '语文', title: '一级教师', hireDate: day('2010-09-01') }],
  students: [{ name: '李明', gender: '男', studentNo: '2024070101', grade: '七年级', class: '1班', guardianContact: '13800000000' }],
  // One student's record and one teacher's: a row fills in either 学号 or 身份证号.
  records: [
    { studentNo: '2024070101', itemCode: 'S-P01', occurredOn: day('2024-10-15'), description: '主动帮助同学，受到班主任表扬' },
    { idNumber: EXAMPLE_ID, itemCode: 'T-P05', occurredOn: day('2024-09-10'), description: '教书育人表现突出，受到学校表扬' },
  ],
};

const NOTES: Record<ImportKind, string[]> = {
  teachers: [
    '第 2 行是示例，导入前请删除。按身份证号匹配：已有的教师更新，新的教师添加；再次导入同一文件不会改变任何数据。',
    '性别填“男”或“女”；身份证号为 18 位（末位可为 X）；入职日期如 2010-09-01；职称可以空着。',
  ],
  students: [
    '第 2 行是示例，导入前请删除。按学号匹配：已有的学生更新，新的学生添加；不存在的班级会自动建立。',
    '没有“监护人联系方式”这一列时，已存的联系方式保持不变。',
  ],
  records: [
    '第 2、3 行是示例，导入前请删除。每行填写学号（学生的记录）或身份证号（教师的记录）之一。',
    '目录编码见“目录”工作表，只能用当前版本的编码；需附证明材料的事项不能批量导入，请在程序中逐条录入。',
    '同一人、同一事项、同一日期、同样说明的记录已存在时不会重复添加。',
  ],
};

function subjectsZh(kinds: CatalogueItemView['subjectKinds']): string {
  return kinds.map((k) => (k === 'teacher' ? '教师' : k === 'student' ? '学生' : k === 'private_school' ? '民办学校' : '培训机构')).join('、');
}

export async function buildTemplate(kind: ImportKind, items: CatalogueItemView[]): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('导入数据');
  const fields = TEMPLATE_FIELDS[kind];
  ws.columns = fields.map((f) => ({ header: IMPORT_HEADERS[f].zh, key: f, width: WIDTHS[f] ?? 10 }));
  fields.forEach((f, i) => {
    const col = ws.getColumn(i + 1);
    // The column's style is what Excel gives the cells a person types into later.
    if (TEXT_FIELDS.has(f)) col.numFmt = '@';
    if (DATE_FIELDS.has(f)) col.numFmt = 'yyyy-mm-dd';
  });
  ws.getRow(1).font = { bold: true };
  for (const example of EXAMPLES[kind]) {
    const row = ws.addRow(example);
    row.font = { italic: true, color: { argb: 'FF808080' } };
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  const notes = wb.addWorksheet('填写说明');
  notes.getColumn(1).width = 110;
  for (const line of NOTES[kind]) notes.addRow([line]);

  if (kind === 'records') {
    const cat = wb.addWorksheet('目录');
    cat.columns = [
      { header: '目录编码', key: 'code', width: 10 },
      { header: '事项', key: 'name', width: 60 },
      { header: '适用对象', key: 'subjects', width: 12 },
      { header: '可否批量导入', key: 'importable', width: 28 },
    ];
    cat.getRow(1).font = { bold: true };
    for (const it of items.filter((i) => i.subjectKinds.includes('teacher') || i.subjectKinds.includes('student'))) {
      cat.addRow({ code: it.code, name: it.nameZh, subjects: subjectsZh(it.subjectKinds), importable: it.evidenceRequired ? '否（需附证明材料，请逐条录入）' : '可以' });
    }
  }
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: FILE_NAMES[kind], mime: XLSX_MIME, dataBase64: bytes.toString('base64') };
}
