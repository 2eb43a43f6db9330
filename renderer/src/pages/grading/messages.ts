// The words of the grading screens, zh-CN first and English second (loaded by i18n/index.ts under `grading`).
const zhCN = {
  nav: '信用分级',
  title: '信用分级',
};

type Messages = typeof zhCN;

const en: Messages = {
  nav: 'Credit grading',
  title: 'Credit grading',
};

export const gradingMessages: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
