// The demo bureau's decisions (core): an open funding round for private schools and an honour
// round, with applicants whose credit differs (a few commendations put in their files here), so
// 信用审查 has something to rank. Deterministic: the same registry gives the same rounds. It runs
// after the rest of the demo, whose cases and lists may restrict some applicants; it relies on no
// verdict of its own.
import type { Installation } from '../app/installation';
import { today } from '../clock';
import { addBureauRecord } from '../credit/bureauRecords';
import { addApplicant, createRound, decide } from './rounds';

/** Amounts asked in the funding round, by the private schools in registry order. */
const FUNDING_YUAN = [300_000, 150_000, 200_000, 80_000, 120_000, 250_000, 100_000, 60_000];
const HONOUR_TITLE = '诚信办学示范单位';

/** Commendations that set the applicants apart: by position among the private schools. */
const COMMENDATIONS: readonly { at: number; code: 'I-C01' | 'I-C02'; on: string; description: string }[] = [
  { at: 1, code: 'I-C01', on: '2026-06-18', description: '获舞钢市人民政府“民办教育先进单位”表彰' },
  { at: 4, code: 'I-C01', on: '2026-03-09', description: '获平顶山市教育局“规范办学先进学校”表彰' },
  { at: 2, code: 'I-C02', on: '2026-07-02', description: '年度办学水平评估评价为优秀' },
  { at: 6, code: 'I-C02', on: '2026-05-20', description: '获评“平安校园”荣誉称号' },
];

export function addDecisionDemo(inst: Installation, adminId: number): { rounds: number; applicants: number } {
  const raw = inst.open().raw;
  const day = today(inst);
  const now = inst.clock.now().toISOString();
  const ids = (kind: string): number[] =>
    (raw.prepare(`SELECT id FROM institutions WHERE kind = ? AND status <> 'closed' ORDER BY id`).all(kind) as { id: number }[]).map((r) => r.id);
  const privateSchools = ids('private_school');
  const training = ids('training');

  for (const c of COMMENDATIONS) {
    const subjectId = privateSchools[c.at];
    if (subjectId === undefined) continue;
    addBureauRecord(inst, { subjectKind: 'private_school', subjectId, code: c.code, occurredOn: c.on, description: c.description, authorId: adminId, source: 'manual' });
  }

  let applicants = 0;
  const funding = createRound(raw, { kind: 'funding', title: '2026年民办教育专项资金', openedOn: '2026-11-02' }, adminId, now);
  privateSchools.slice(0, FUNDING_YUAN.length).forEach((institutionId, i) => {
    addApplicant(raw, { roundId: funding, institutionId, request: { kind: 'funding', amountYuan: FUNDING_YUAN[i]! } }, day);
    applicants++;
  });

  const honour = createRound(raw, { kind: 'honour', title: '2026年度诚信办学示范单位评选', openedOn: '2026-11-10' }, adminId, now);
  const honourIds = [...privateSchools.slice(1, 5), ...training.slice(0, 3)];
  const added = honourIds.map((institutionId) => {
    applicants++;
    return addApplicant(raw, { roundId: honour, institutionId, request: { kind: 'honour', title: HONOUR_TITLE } }, day);
  });
  // One decision already made, so the screen shows a frozen review beside the live ones. Declining
  // needs no more than a reason whatever the credit, so no restriction elsewhere in the demo stops it.
  const last = added[added.length - 1];
  if (last) decide(raw, { applicantId: last.id, outcome: 'declined', reason: '申报材料不全，未附本年度年度报告', acknowledgeFlags: false }, adminId, day, now);
  return { rounds: 2, applicants };
}
