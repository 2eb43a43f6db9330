// The words of the institutions screens, zh-CN first and English second (loaded by i18n/index.ts under `institutions`).
const zhCN = {
  nav: '机构名录',
  title: '机构名录',
};

type Messages = typeof zhCN;

const en: Messages = {
  nav: 'Institutions',
  title: 'Institutions',
};

export const institutionMessages: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
