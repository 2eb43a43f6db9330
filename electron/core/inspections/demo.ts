// Demo inspections for the demo bureau (core), built inside the setup transaction through the same
// services as the routes: four more inspectors, this year's double-random spot check with its
// recorded draw, a routine plan of the third quarter, results recorded as credit records, and
// planned inspections left overdue. Fixed seeds and fixed choices: the same every time.
import dayjs from 'dayjs';
import type { InspectionResult } from '../../../shared/api/routes/inspections';
import type { Installation } from '../app/installation';
import { createUser } from '../auth/service';
import { today } from '../clock';
import { recordDraw } from './draws';
import { createInspection, recordInspection } from './inspections';
import { inspectorPool } from './people';
import { createPlan } from './plans';

const MORE_INSPECTORS = [
  { username: 'inspector2', displayName: '王建军' },
  { username: 'inspector3', displayName: '李秀英' },
  { username: 'inspector4', displayName: '张国强' },
  { username: 'inspector5', displayName: '刘芳' },
] as const;

/**
 * The recorded seed of the demo's spot check, shown on the page so it can be re-run. Drawn once
 * from node:crypto's randomInt, as a real draw's seed is, and kept so every demo tells the same story.
 */
export const DEMO_DRAW_SEED = 67193698731017;

const FINDINGS: Record<InspectionResult, string> = {
  pass: '办学许可、收费公示、消防安全、教师资格均符合要求，未发现问题。',
  problems: '收费公示不完整，部分从业人员资格证明未上墙，责令 30 日内整改。',
  serious: '超范围招生，预收费超过三个月，消防通道堵塞，已责令停止招生并立案调查。',
};

/** Results of the first drawn targets, in draw order; the rest stay planned. */
const DRAWN_RESULTS: readonly InspectionResult[] = ['pass', 'problems', 'pass', 'serious', 'pass', 'problems'];

export function addInspectionDemo(inst: Installation, adminId: number, password: string): Record<string, number> {
  const raw = inst.open().raw;
  for (const p of MORE_INSPECTORS) createUser(inst, { ...p, role: 'bureau_inspector', password });
  const now = inst.clock.now().toISOString();
  const day = today(inst);
  const year = dayjs(day).year();
  // Results are dated in the past; on a clock early in the year they fall on today instead.
  const past = (date: string): string => (date < day ? date : day);

  const spot = createPlan(raw, { title: `${year}年度“双随机、一公开”抽查`, kind: 'double_random', periodFrom: `${year}-01-01`, periodTo: `${year}-12-31` }, adminId, now, day);
  const drawn = recordDraw(raw, day, now, adminId, spot, { filter: { kinds: ['private_school', 'training'], grids: [] }, count: 10, inspectorsPerTarget: 2 }, DEMO_DRAW_SEED);
  DRAWN_RESULTS.forEach((result, i) => {
    const target = drawn.targets[i]!;
    recordInspection(inst, day, { userId: target.inspectors[0]!.id, role: 'bureau_inspector' }, {
      id: drawn.inspectionIds[i]!,
      result,
      findings: FINDINGS[result],
      doneOn: past(`${year}-${String(4 + i).padStart(2, '0')}-1${i}`),
    });
  });

  // A routine round of the third quarter: two done, the rest left planned past their due day.
  const routine = createPlan(raw, { title: `${year}年第三季度日常检查`, kind: 'routine', periodFrom: `${year}-07-01`, periodTo: `${year}-09-30` }, adminId, now, day);
  const pool = inspectorPool(raw).map((p) => p.id);
  const publicSchools = (raw.prepare("SELECT id FROM institutions WHERE kind = 'public_school' AND status = 'active' ORDER BY id LIMIT 6").all() as { id: number }[]).map((r) => r.id);
  const ids = publicSchools.map((institutionId, i) => {
    const pair = [pool[i % pool.length]!, pool[(i + 1) % pool.length]!];
    const v = createInspection(raw, day, now, { institutionId, planId: routine.id, inspectorIds: pair, dueOn: routine.periodTo });
    return { id: v.id, inspector: pair[0]! };
  });
  ids.slice(0, 2).forEach(({ id, inspector }, i) => {
    recordInspection(inst, day, { userId: inspector, role: 'bureau_inspector' }, { id, result: 'pass', findings: FINDINGS.pass, doneOn: past(`${year}-0${8 + i}-20`) });
  });
  return { inspectors: pool.length, inspectionPlans: 2, inspections: drawn.inspectionIds.length + ids.length };
}
