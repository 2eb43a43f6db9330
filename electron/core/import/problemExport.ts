// The problems of a checked import file as a list to export or print (core): row, column and the
// reason in the reader's language, so the file can be corrected from a printout or a workbook.
import { describeImportProblem } from '../../../shared/api/importMessages';
import type { Lang } from '../../../shared/api/messages';
import type { ImportProblem } from '../../../shared/api/routes/import';
import type { ListDocument } from '../export/listDocument';

const WORDS = {
  'zh-CN': { title: '导入问题清单', file: '文件', row: '行', column: '列', reason: '原因', colon: '：' },
  en: { title: 'Import problems', file: 'File', row: 'Row', column: 'Column', reason: 'Reason', colon: ': ' },
} as const;

export function problemListDocument(problems: readonly ImportProblem[], fileName: string, lang: Lang): ListDocument<ImportProblem> {
  const w = WORDS[lang];
  return {
    title: w.title,
    filters: [`${w.file}${w.colon}${fileName}`],
    rows: problems,
    columns: [
      { header: w.row, value: (p) => p.row, weight: 0.5, align: 'right' },
      { header: w.column, value: (p) => p.column || '—', weight: 1.2 },
      { header: w.reason, value: (p) => describeImportProblem(p, lang), weight: 5 },
    ],
  };
}
