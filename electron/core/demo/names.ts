// Realistic Chinese names and places for demo data (core). A seeded generator keeps demo data the
// same on every machine, so screenshots and benchmarks compare like with like.

export type Rng = () => number;

/** mulberry32: small, fast and good enough to pick names. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

export function intBetween(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_MALE = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林阳志国建文博晨亮瑞锋振海东昊然轩睿泽子豪铭';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀玲桂英华慧巧美娇莉兰凤洁琳素云莲真环雪荣爱妹萍红月媛艺佳欣怡婷雯悦晗涵琪妍蕊';

export function chineseName(rng: Rng, gender: 'male' | 'female'): string {
  const given = gender === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
  const n = rng() < 0.7 ? 2 : 1;
  let name = pick(rng, [...SURNAMES]);
  for (let i = 0; i < n; i++) name += pick(rng, [...given]);
  return name;
}

/** Townships of 舞钢市 (division code 410481). */
export const TOWNSHIPS = ['垭口街道', '寺坡街道', '院岭街道', '矿建街道', '朱兰街道', '八台镇', '尹集镇', '武功乡', '杨庄乡', '庙街乡', '枣林镇', '铁山乡'];

export const SUBJECTS = ['语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '道德与法治', '音乐', '体育', '美术', '信息技术'];
export const TITLES = ['三级教师', '二级教师', '一级教师', '高级教师', '正高级教师'];

export const DIVISION_WUGANG = '410481';
