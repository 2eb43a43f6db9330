// Demo negative-list cases and list entries (core), for the demo bureau: one case in each state of
// shared/domain/negativeList.ts (one of them overdue) and a few red, white and black entries, some
// published, some waiting for approval. Dated from the installation's clock, so every build tells
// the same story. Runs inside the setup transaction, after the institutions exist; the demo's
// notices have no stored PDF (pdfmake cannot render inside a synchronous transaction), and
// cases.notice renders them from the case's fields when asked.
import dayjs from 'dayjs';
import { NOTICE_NUMBER_PREFIX, type CaseEvent } from '../../../shared/domain/negativeList';
import type { ListKind } from '../../../shared/domain/supervision';
import type { Installation } from '../app/installation';
import { today as todayOf } from '../clock';
import { insertEntry, setPublished } from '../lists/entries';
import { applyMove, checkMove, nextNumber, openCase, setNotice, type Actor } from './workflow';

interface Story {
  matter: string;
  facts: string;
  openedAgo: number;
  notice?: { issuedAgo: number; deadlineIn: number; requirements: string };
  moves: { event: Exclude<CaseEvent, 'issueNotice'>; ago: number; reason: string }[];
}

const STORIES: Story[] = [
  { matter: '未按规定公示收费项目和标准', facts: '11月检查发现，该校未在校门口及网站公示本学期收费项目、标准和依据。', openedAgo: 4, moves: [] },
  {
    matter: '超出审批范围招收学生',
    facts: '经核查，该校本学年招收初中学生 46 名，超出办学许可证核定的办学层次。',
    openedAgo: 20,
    notice: { issuedAgo: 18, deadlineIn: 12, requirements: '1. 立即停止超范围招生；\n2. 妥善分流已招收的学生，并报送分流方案。' },
    moves: [],
  },
  {
    matter: '校车未按规定备案',
    facts: '该校 2 辆接送学生车辆未在教体、公安、交通部门备案即投入使用。',
    openedAgo: 60,
    notice: { issuedAgo: 58, deadlineIn: -28, requirements: '停止使用未备案车辆，办理校车使用许可后方可运营。' },
    moves: [],
  },
  {
    matter: '教师未取得相应教师资格',
    facts: '该校 3 名任课教师未取得相应学段教师资格证书。',
    openedAgo: 90,
    notice: { issuedAgo: 88, deadlineIn: -58, requirements: '调整无资格教师岗位，配齐具备资格的任课教师。' },
    moves: [{ event: 'confirmRectified', ago: 62, reason: '复查确认 3 名教师已调离教学岗位，新聘教师均持证上岗。' }],
  },
  {
    matter: '消防安全隐患未整改',
    facts: '学生宿舍疏散通道堆放杂物，灭火器过期。',
    openedAgo: 120,
    notice: { issuedAgo: 118, deadlineIn: -88, requirements: '清理疏散通道，更换过期消防器材，组织消防演练。' },
    moves: [{ event: 'markOverdue', ago: 85, reason: '整改期限届满复查，疏散通道仍堆放杂物，未完成整改。' }],
  },
  {
    matter: '违规收取高额费用',
    facts: '该校以“赞助费”名义向新生收取费用，金额远超核定标准。',
    openedAgo: 200,
    notice: { issuedAgo: 198, deadlineIn: -170, requirements: '清退违规收取的费用，并公示退费情况。' },
    moves: [
      { event: 'recordPenalty', ago: 165, reason: '市教体局作出罚款 5 万元的行政处罚决定。' },
      { event: 'recordJudgmentDebtor', ago: 40, reason: '经人民法院公布，该校举办者被列为失信被执行人。' },
    ],
  },
  { matter: '群众举报违规办学', facts: '接群众举报称该校违规举办寄宿。', openedAgo: 30, moves: [{ event: 'withdraw', ago: 25, reason: '经调查，该校寄宿已经审批，举报不实。' }] },
];

const ENTRIES: { list: ListKind; kind: 'public_school' | 'training'; nth: number; reason: string; approve: boolean; publish: boolean }[] = [
  { list: 'red', kind: 'public_school', nth: 0, reason: '获评省级文明校园，连续三年无失信记录', approve: true, publish: true },
  { list: 'red', kind: 'public_school', nth: 1, reason: '获评市级师德师风建设先进单位', approve: false, publish: false },
  { list: 'white', kind: 'training', nth: 0, reason: '资金全额存入监管账户，连续三年无投诉和处罚', approve: true, publish: true },
  { list: 'white', kind: 'training', nth: 1, reason: '年度检查合格，收费公示规范', approve: false, publish: false },
  { list: 'black', kind: 'training', nth: 2, reason: '无证办学，拒不整改，已被依法取缔', approve: true, publish: false },
];

export function addCaseDemo(inst: Installation, adminId: number): { cases: number; listEntries: number } {
  const raw = inst.open().raw;
  const admin: Actor = { userId: adminId, role: 'bureau_admin' };
  const today = todayOf(inst);
  const ago = (days: number): string => dayjs(today).subtract(days, 'day').format('YYYY-MM-DD');
  const schools = raw.prepare(`SELECT id FROM institutions WHERE kind = 'private_school' ORDER BY id`).all() as { id: number }[];
  let cases = 0;
  STORIES.forEach((story, i) => {
    const school = schools[i % Math.max(schools.length, 1)];
    if (!school) return;
    const caseId = openCase(inst, admin, { institutionId: school.id, matter: story.matter, facts: story.facts, openedOn: ago(story.openedAgo) });
    cases++;
    if (story.notice) {
      const issuedOn = ago(story.notice.issuedAgo);
      const deadline = ago(-story.notice.deadlineIn);
      const move = { event: 'issueNotice' as const, reason: story.notice.requirements, occurredOn: issuedOn, deadline };
      applyMove(inst, admin, checkMove(inst, admin, caseId, move, 'cases.issueNotice'), move);
      const number = nextNumber(raw, 'notice_number', NOTICE_NUMBER_PREFIX, Number(issuedOn.slice(0, 4)));
      setNotice(raw, caseId, { number, requirements: story.notice.requirements, issuedOn, deadline }, null);
    }
    for (const m of story.moves) {
      const move = { event: m.event, reason: m.reason, occurredOn: ago(m.ago) };
      applyMove(inst, admin, checkMove(inst, admin, caseId, move, 'cases.transition'), move);
    }
  });
  let listEntries = 0;
  for (const e of ENTRIES) {
    const subject = raw.prepare(`SELECT id, name FROM institutions WHERE kind = ? ORDER BY id LIMIT 1 OFFSET ?`).get(e.kind, e.nth) as { id: number; name: string } | undefined;
    if (!subject) continue;
    const id = insertEntry(inst, {
      list: e.list,
      subjectKind: 'institution',
      subjectKey: String(subject.id),
      subjectName: subject.name,
      origin: 'manual',
      rule: null,
      caseId: null,
      reason: e.reason,
      startOn: ago(e.approve ? 30 : 0),
      endOn: null,
      by: adminId,
      approved: e.approve ? { reason: '经局务会研究同意' } : null,
    });
    if (e.publish) setPublished(inst, id, true);
    listEntries++;
  }
  return { cases, listEntries: listEntries + (raw.prepare(`SELECT count(*) AS n FROM list_entries WHERE origin = 'case'`).get() as { n: number }).n };
}
