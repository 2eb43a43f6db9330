// The demo installations' own names and codes (core). The demo bureau registers the demo school
// under the school's own code, so the two demos enrol each other as one real pair would.
import { makeUscc } from '../../../shared/domain/uscc';

export const DEMO_ORG = {
  school: { name: '舞钢市第一初级中学', uscc: makeUscc('12', '410481', 'MA000100') },
  bureau: { name: '舞钢市教育体育局', uscc: makeUscc('11', '410481', '00510023') },
} as const;
