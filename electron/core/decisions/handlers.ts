// Decisions where credit counts (信用审查): route handlers (core). Each change is one audit entry.
import type { decisionRoutes } from '../../../shared/api/routes/decisions';
import { today } from '../clock';
import { me, type Handlers } from '../handler';
import { reviewInstitution } from './review';
import { addApplicant, candidates, closeRound, createRound, decide, getRound, listRounds, roundDetail } from './rounds';

export const decisionHandlers: Handlers<typeof decisionRoutes> = {
  'decisions.rounds': ({ inst }) => listRounds(inst.open().raw),
  'decisions.createRound': (ctx, input) => {
    const raw = ctx.inst.open().raw;
    const id = createRound(raw, input, me(ctx).userId, ctx.inst.clock.now().toISOString());
    ctx.audit({ subject: `decisionRound:${id}`, diff: input });
    return getRound(raw, id);
  },
  'decisions.round': ({ inst }, { roundId }) => roundDetail(inst.open().raw, roundId, today(inst)),
  'decisions.candidates': ({ inst }, { roundId }) => candidates(inst.open().raw, roundId, today(inst)),
  'decisions.addApplicant': (ctx, input) => {
    const a = addApplicant(ctx.inst.open().raw, input, today(ctx.inst));
    ctx.audit({ subject: `decisionApplicant:${a.id}`, diff: { ...input, verdict: a.review.verdict } });
    return a;
  },
  'decisions.decide': (ctx, input) => {
    const a = decide(ctx.inst.open().raw, input, me(ctx).userId, today(ctx.inst), ctx.inst.clock.now().toISOString());
    const { grade, score, lists, verdict, reasons } = a.review;
    ctx.audit({ subject: `decisionApplicant:${a.id}`, diff: { ...input, review: { grade, score, lists, verdict, reasons } } });
    return a;
  },
  'decisions.closeRound': (ctx, { roundId }) => {
    const r = closeRound(ctx.inst.open().raw, roundId);
    ctx.audit({ subject: `decisionRound:${roundId}`, diff: { state: 'closed' } });
    return r;
  },
  'decisions.review': ({ inst }, { institutionId, action }) => reviewInstitution(inst.open().raw, action, today(inst), institutionId),
};
