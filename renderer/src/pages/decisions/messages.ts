// The words of the decisions screens, zh-CN first and English second (loaded by i18n/index.ts under `decisions`).
const zhCN = {
  nav: '信用审查',
  title: '信用审查',
};

type Messages = typeof zhCN;

const en: Messages = {
  nav: 'Credit review',
  title: 'Credit review',
};

export const decisionMessages: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
