// 检查抽查 route handlers (core): plans, the double-random draw, inspections and their results,
// and the routine schedule. Each mutation writes one audit entry naming what it changed.
import type { inspectionRoutes } from '../../../shared/api/routes/inspections';
import { today } from '../clock';
import { me, type Handlers } from '../handler';
import { pickSeed, previewDraw, recordDraw, verifyDraw } from './draws';
import { cancelInspection, createInspection, listInspections, recordInspection } from './inspections';
import { inspectorPool } from './people';
import { createPlan, listPlans, planRow } from './plans';
import { badField } from './refusals';
import { schedule } from './schedule';

export const inspectionHandlers: Handlers<typeof inspectionRoutes> = {
  'inspections.plans': ({ inst }) => {
    const raw = inst.open().raw;
    const grids = (raw.prepare("SELECT DISTINCT grid FROM institutions WHERE grid <> '' AND status = 'active' ORDER BY grid").all() as { grid: string }[]).map((r) => r.grid);
    return { plans: listPlans(raw, today(inst)), grids, inspectors: inspectorPool(raw) };
  },
  'inspections.createPlan': (ctx, input) => {
    const plan = createPlan(ctx.inst.open().raw, input, me(ctx).userId, ctx.inst.clock.now().toISOString(), today(ctx.inst));
    ctx.audit({ subject: `inspection-plan:${plan.id}`, diff: input });
    return plan;
  },
  'inspections.previewDraw': ({ inst }, { seed, ...params }) => previewDraw(inst.open().raw, today(inst), params, seed ?? pickSeed()),
  'inspections.draw': (ctx, { planId, ...params }) => {
    const raw = ctx.inst.open().raw;
    const plan = planRow(raw, planId);
    const drawn = recordDraw(raw, today(ctx.inst), ctx.inst.clock.now().toISOString(), me(ctx).userId, plan, params, pickSeed());
    ctx.audit({
      subject: `draw:${drawn.drawId}`,
      diff: {
        planId,
        seed: drawn.seed,
        rulesVersion: drawn.rulesVersion,
        ...params,
        poolSize: drawn.poolSize,
        inspectorPool: drawn.inspectorPool,
        targets: drawn.targets.map((t) => ({ institutionId: t.institutionId, inspectors: t.inspectors.map((p) => p.id) })),
        inspectionIds: drawn.inspectionIds,
      },
    });
    return drawn;
  },
  'inspections.verifyDraw': ({ inst }, { drawId }) => verifyDraw(inst.open().raw, drawId),
  'inspections.list': (ctx, { mine, ...f }) => listInspections(ctx.inst.open().raw, today(ctx.inst), { ...f, inspectorId: mine ? me(ctx).userId : undefined }),
  'inspections.create': (ctx, input) => {
    // People plan ahead; only the demo writes a history of inspections planned in the past.
    if (input.dueOn < today(ctx.inst)) throw badField('dueOn', 'beforeToday');
    const v = createInspection(ctx.inst.open().raw, today(ctx.inst), ctx.inst.clock.now().toISOString(), input);
    ctx.audit({ subject: `inspection:${v.id}`, diff: input });
    return v;
  },
  'inspections.record': (ctx, input) => {
    const s = me(ctx);
    const r = recordInspection(ctx.inst, today(ctx.inst), { userId: s.userId, role: s.role }, input);
    ctx.audit({ subject: `inspection:${input.id}`, diff: { ...input, recordId: r.inspection.recordId, institutionId: r.inspection.institutionId, gradeBefore: r.gradeBefore, gradeAfter: r.gradeAfter } });
    return r;
  },
  'inspections.cancel': (ctx, { id, reason }) => {
    const v = cancelInspection(ctx.inst.open().raw, today(ctx.inst), id, reason);
    ctx.audit({ subject: `inspection:${id}`, diff: { state: 'cancelled', reason } });
    return v;
  },
  'inspections.schedule': ({ inst }, { horizonDays, kinds }) => schedule(inst.open().raw, today(inst), horizonDays, kinds),
};
