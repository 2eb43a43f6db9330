// Credit grading of every subject under a versioned rule set: route handlers (core).
import type { gradingRoutes } from '../../../shared/api/routes/grading';
import { CURRENT_RULES, GRADING_RULES } from '../../../shared/domain/grading';
import { today } from '../clock';
import { me, type Handlers } from '../handler';
import { currentGrading, freshGrading } from './cache';
import { listRuns, saveRun } from './runs';
import { explain, itemNames, pageOf } from './subjects';

export const gradingHandlers: Handlers<typeof gradingRoutes> = {
  'grading.rules': () => ({ current: CURRENT_RULES.version, rules: GRADING_RULES.map((r) => ({ ...r, thresholds: [...r.thresholds] })) }),

  'grading.subjects': ({ inst }, filter) => {
    const g = currentGrading(inst);
    return { rulesVersion: g.rulesVersion, asOf: g.asOf, counts: g.counts, ...pageOf(g, filter) };
  },

  'grading.subject': ({ inst }, { kind, key }) => {
    const raw = inst.open().raw;
    const { subject, grade } = explain(raw, kind, key, today(inst));
    return { subject, rulesVersion: grade.rulesVersion, asOf: today(inst), steps: grade.steps, items: itemNames(raw, grade) };
  },

  'grading.run': (ctx) => {
    const { inst } = ctx;
    const g = freshGrading(inst);
    const run = saveRun(inst.open().raw, g, me(ctx).username, inst.clock.now().toISOString());
    ctx.audit({ subject: `grading_run:${run.id}`, diff: { rulesVersion: run.rulesVersion, asOf: run.asOf, counts: run.counts, total: run.total, ms: run.ms } });
    return run;
  },

  'grading.trend': ({ inst }, { limit }) => listRuns(inst.open().raw, limit),
};
