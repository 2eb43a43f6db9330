// The 双公示 workbook (core): current licences and penalties in the national column order, one sheet
// each, header row in Chinese as the platform's templates have it. Superseded decisions are not
// published; a correction says in 备注 which decision it corrects and why.
import type ExcelJS from 'exceljs';
import { loadExcel } from '../export/excel';
import type { LicenceView, PenaltyView } from '../../../shared/api/routes/institutions';
import {
  LICENCE_CATEGORY_ZH,
  LICENCE_COLUMNS,
  PENALTY_CATEGORY_ZH,
  PENALTY_COLUMNS,
  SUBJECT_CATEGORY_ZH,
  orgCodeOf,
  type PublicityColumn,
} from '../../../shared/domain/doublePublicity';
import type { Raw } from '../db/open';
import { getLicence, getPenalty, listLicences, listPenalties } from './decisions';
import { safeRow } from '../export/cells';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Cell = string | number;

function note(raw: Raw, d: LicenceView | PenaltyView, own: string): string {
  if (d.supersedesId === null) return own;
  const old = d.kind === 'licence' ? getLicence(raw, d.supersedesId) : getPenalty(raw, d.supersedesId);
  return [own, `更正 ${old.docNo}（${old.decidedOn}）：${d.correctionReason ?? ''}`].filter(Boolean).join('；');
}

function subjectCells(d: LicenceView | PenaltyView): Record<string, Cell> {
  return { XDR_MC: d.subject.name, XDR_LB: SUBJECT_CATEGORY_ZH, XDR_SHXYM: d.subject.uscc, XDR_ZZJG: orgCodeOf(d.subject.uscc), FRDB: d.subject.legalRep };
}

function licenceRow(raw: Raw, d: LicenceView, todayIso: string): Record<string, Cell> {
  const s = subjectCells(d);
  return {
    XK_XDR_MC: s.XDR_MC!,
    XK_XDR_LB: s.XDR_LB!,
    XK_XDR_SHXYM: s.XDR_SHXYM!,
    XK_XDR_ZZJG: s.XDR_ZZJG!,
    XK_FRDB: s.FRDB!,
    XK_XKWS: d.fields.docName,
    XK_WSH: d.docNo,
    XK_XKLB: LICENCE_CATEGORY_ZH[d.fields.category],
    XK_XKZS: d.fields.certName,
    XK_XKBH: d.fields.certNo,
    XK_NR: d.content,
    XK_JDRQ: d.decidedOn,
    XK_YXQZ: d.validFrom,
    XK_YXQZI: d.validUntil,
    XK_XKJG: d.authority,
    XK_XKJGDM: d.authorityUscc,
    XK_ZT: d.validUntil >= todayIso ? '有效' : '无效',
    XK_LYDW: d.source.name,
    XK_LYDWDM: d.source.uscc,
    BZ: note(raw, d, d.fields.note),
  };
}

function penaltyRow(raw: Raw, d: PenaltyView): Record<string, Cell> {
  const s = subjectCells(d);
  return {
    CF_XDR_MC: s.XDR_MC!,
    CF_XDR_LB: s.XDR_LB!,
    CF_XDR_SHXYM: s.XDR_SHXYM!,
    CF_XDR_ZZJG: s.XDR_ZZJG!,
    CF_FRDB: s.FRDB!,
    CF_WSH: d.docNo,
    CF_WFXW: d.fields.violationType,
    CF_SY: d.fields.facts,
    CF_YJ: d.fields.basis,
    CF_CFLB: d.fields.categories.map((c) => PENALTY_CATEGORY_ZH[c]).join(';'),
    CF_NR: d.content,
    CF_NR_FK: d.fields.fineWan ?? '',
    CF_NR_WFFF: d.fields.confiscatedWan ?? '',
    CF_NR_ZKDX: d.fields.revokedLicence,
    CF_JDRQ: d.decidedOn,
    CF_YXQ: d.validUntil,
    CF_GSJZQ: d.fields.publicUntil ?? '',
    CF_CFJG: d.authority,
    CF_CFJGDM: d.authorityUscc,
    CF_SJLY: d.source.name,
    CF_SJLYDM: d.source.uscc,
    BZ: note(raw, d, d.fields.note),
  };
}

function sheet(wb: ExcelJS.Workbook, name: string, columns: readonly PublicityColumn[], rows: Record<string, Cell>[]): void {
  const ws = wb.addWorksheet(name);
  ws.columns = columns.map((c) => ({ header: c.zh, key: c.code, width: Math.max(12, Math.min(40, c.zh.length * 2 + 2)) }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(safeRow(Object.fromEntries(columns.map((c) => [c.code, r[c.code] ?? '']))));
}

export interface PublicityRows {
  licences: Record<string, Cell>[];
  penalties: Record<string, Cell>[];
}

/** The current decisions to publish, as cells by column code; read inside the caller's transaction. */
export function publicityRows(raw: Raw, institutionId: number | undefined, todayIso: string): PublicityRows {
  return {
    licences: listLicences(raw, institutionId, false).map((d) => licenceRow(raw, d, todayIso)),
    penalties: listPenalties(raw, institutionId, false).map((d) => penaltyRow(raw, d)),
  };
}

export async function publicityWorkbook(rows: PublicityRows): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  sheet(wb, '行政许可', LICENCE_COLUMNS, rows.licences);
  sheet(wb, '行政处罚', PENALTY_COLUMNS, rows.penalties);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
