// The words of the cases screens, zh-CN first and English second (loaded by i18n/index.ts under `cases`).
const zhCN = {
  nav: '负面清单',
  title: '负面清单',
};

type Messages = typeof zhCN;

const en: Messages = {
  nav: 'Negative list',
  title: 'Negative list',
};

export const caseMessages: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
