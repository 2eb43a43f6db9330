// Issuing a rectification notice (core): the notice is numbered per year, rendered to PDF, kept in
// the evidence store (encrypted, by its SHA-256) and the case moves to notice_issued, in one
// transaction with one audit entry. The PDF renders outside the transaction (pdfmake is
// asynchronous and a transaction cannot wait), so the number is read again inside it: if another
// notice took it meanwhile, the notice is rendered again under the next number.
import { AppError } from '../../../shared/api/errors';
import { NOTICE_NUMBER_PREFIX } from '../../../shared/domain/negativeList';
import type { Installation } from '../app/installation';
import type { Session } from '../auth/sessions';
import { putEvidence } from '../evidence/store';
import { readSettings } from '../settings/service';
import { renderNoticePdf, type NoticeFacts } from './notice';
import { applyMove, checkMove, nextNumber, setNotice, type Move, type NoticeFields } from './workflow';

const ROUTE = 'cases.issueNotice';
const ATTEMPTS = 3;

class NumberTaken extends Error {}

export interface IssueInput {
  caseId: number;
  requirements: string;
  issuedOn: string;
  deadline: string;
}

/** What a notice prints: the case and school from the store, the notice's own fields from the caller. */
export function noticeFacts(inst: Installation, caseId: number, notice: NoticeFields): NoticeFacts {
  const c = inst
    .open()
    .raw.prepare(`SELECT c.number, c.matter, c.facts, i.name, i.uscc FROM negative_cases c JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?`)
    .get(caseId) as { number: string; matter: string; facts: string; name: string; uscc: string } | undefined;
  if (!c) throw new AppError('NOT_FOUND', undefined, `case ${caseId}`);
  return {
    noticeNumber: notice.number,
    caseNumber: c.number,
    schoolName: c.name,
    schoolUscc: c.uscc,
    matter: c.matter,
    facts: c.facts,
    requirements: notice.requirements,
    issuedOn: notice.issuedOn,
    deadline: notice.deadline,
    bureauName: readSettings(inst).bureauName,
  };
}

export async function issueNotice(inst: Installation, s: Session, input: IssueInput): Promise<{ number: string; pdf: Buffer }> {
  const move: Move = { event: 'issueNotice', reason: input.requirements, occurredOn: input.issuedOn, deadline: input.deadline };
  const year = Number(input.issuedOn.slice(0, 4));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    checkMove(inst, s, input.caseId, move, ROUTE);
    const number = nextNumber(inst.open().raw, 'notice_number', NOTICE_NUMBER_PREFIX, year);
    const notice: NoticeFields = { number, requirements: input.requirements, issuedOn: input.issuedOn, deadline: input.deadline };
    const pdf = await renderNoticePdf(noticeFacts(inst, input.caseId, notice));
    try {
      return inst.write<{ number: string; sha256: string; pdf: Buffer }>(
        (r) => ({ actor: s.username, route: ROUTE, subject: `case:${input.caseId}`, diff: { state: ['open', 'notice_issued'], notice: r.number, deadline: input.deadline, issuedOn: input.issuedOn, sha256: r.sha256 } }),
        ({ raw }) => {
          // Checked again inside the transaction: the case or the numbering may have moved while the PDF rendered.
          const checked = checkMove(inst, s, input.caseId, move, ROUTE);
          if (nextNumber(raw, 'notice_number', NOTICE_NUMBER_PREFIX, year) !== number) throw new NumberTaken();
          const stored = putEvidence(inst, `${number}.pdf`, pdf.toString('base64'));
          raw.prepare('INSERT OR IGNORE INTO evidence_files (sha256, mime, bytes) VALUES (?, ?, ?)').run(stored.sha256, stored.mime, stored.bytes);
          applyMove(inst, s, checked, move);
          setNotice(raw, input.caseId, notice, stored.sha256);
          return { number, sha256: stored.sha256, pdf };
        },
      );
    } catch (e) {
      if (!(e instanceof NumberTaken)) throw e;
    }
  }
  throw new AppError('CONFLICT', { what: '整改通知书编号被占用，请重试', whatEn: 'the notice number was just taken; try again' });
}
