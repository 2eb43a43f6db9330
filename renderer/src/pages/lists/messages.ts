// The words of the lists screens, zh-CN first and English second (loaded by i18n/index.ts under `lists`).
const zhCN = {
  nav: '红黑名单',
  title: '红黑名单',
};

type Messages = typeof zhCN;

const en: Messages = {
  nav: 'Lists',
  title: 'Lists',
};

export const listMessages: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
