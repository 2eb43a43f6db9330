// The words of the inspections screens, zh-CN first and English second (loaded by i18n/index.ts under `inspections`).
const zhCN = {
  nav: '检查抽查',
  title: '检查抽查',
};

type Messages = typeof zhCN;

const en: Messages = {
  nav: 'Inspections',
  title: 'Inspections',
};

export const inspectionMessages: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
