// The private-school negative-list workflow and its rectification notices: route handlers (core).
import type { caseRoutes } from '../../../shared/api/routes/cases';
import { AppError } from '../../../shared/api/errors';
import { today as todayOf } from '../clock';
import { getEvidence } from '../evidence/store';
import { me, type Handlers } from '../handler';
import { issueNotice, noticeFacts } from './issue';
import { renderNoticePdf } from './notice';
import { caseDetail, getCase, listCases, privateSchools } from './query';
import { applyMove, checkMove, openCase } from './workflow';

const PDF_MIME = 'application/pdf';

function noticeFile(number: string, school: string, pdf: Buffer): { fileName: string; mime: string; dataBase64: string } {
  return { fileName: `整改通知书-${school}-${number}.pdf`, mime: PDF_MIME, dataBase64: pdf.toString('base64') };
}

export const caseHandlers: Handlers<typeof caseRoutes> = {
  'cases.list': (ctx, filter) => listCases(ctx.inst.open().raw, filter, todayOf(ctx.inst)),
  'cases.get': (ctx, { id }) => caseDetail(ctx.inst.open().raw, id, todayOf(ctx.inst)),
  'cases.schools': (ctx) => privateSchools(ctx.inst.open().raw),
  'cases.open': (ctx, input) => {
    const id = openCase(ctx.inst, me(ctx), input);
    const c = getCase(ctx.inst.open().raw, id, todayOf(ctx.inst));
    ctx.audit({ subject: `case:${id}`, diff: { opened: { number: c.number, institution: c.institutionId, matter: c.matter, openedOn: c.openedOn } } });
    return c;
  },
  'cases.issueNotice': async (ctx, input) => {
    const out = await issueNotice(ctx.inst, me(ctx), input);
    const c = getCase(ctx.inst.open().raw, input.caseId, todayOf(ctx.inst));
    return { case: c, pdf: noticeFile(out.number, c.institutionName, out.pdf) };
  },
  'cases.notice': async (ctx, { caseId }) => {
    const c = getCase(ctx.inst.open().raw, caseId, todayOf(ctx.inst));
    const n = c.notice;
    if (!n) throw new AppError('NOT_FOUND', undefined, `case ${caseId} has no notice`);
    const pdf = n.sha256 ? getEvidence(ctx.inst, n.sha256) : await renderNoticePdf(noticeFacts(ctx.inst, caseId, n));
    return noticeFile(n.number, c.institutionName, pdf);
  },
  'cases.transition': (ctx, input) => {
    const s = me(ctx);
    const move = { event: input.event, reason: input.reason, occurredOn: input.occurredOn, endOn: input.endOn };
    const checked = checkMove(ctx.inst, s, input.caseId, move, 'cases.transition');
    const { listEntryId, recordId } = applyMove(ctx.inst, s, checked, move);
    ctx.audit({
      subject: `case:${input.caseId}`,
      diff: { event: input.event, state: [checked.c.state, checked.to], occurredOn: input.occurredOn, reason: input.reason, listEntry: listEntryId, record: recordId, endedLists: checked.effects.endLists },
    });
    return caseDetail(ctx.inst.open().raw, input.caseId, todayOf(ctx.inst));
  },
};
