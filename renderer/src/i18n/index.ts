// i18next set-up (DOM): zh-CN first, English second; the choice is remembered on this computer.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { dateTimeText } from '../../../shared/format/dates';
import { zhCN } from './zh-CN';
import { en } from './en';
import { reportMessages } from '../pages/reports/messages';
import { syncMessages } from '../pages/sync/messages';
import { overviewMessages } from '../pages/dashboard/overviewMessages';
import { institutionMessages } from '../pages/institutions/messages';
import { gradingMessages } from '../pages/grading/messages';
import { listMessages } from '../pages/lists/messages';
import { caseMessages } from '../pages/cases/messages';
import { decisionMessages } from '../pages/decisions/messages';
import { inspectionMessages } from '../pages/inspections/messages';
import { teacherAccountMessages } from '../pages/users/accountMessages';
import { schoolTeacherMessages } from '../pages/schoolTeachers/messages';
import { formatError, type Lang } from '../../../shared/api/messages';
import type { ApiError } from '../../../shared/api/errors';

const STORAGE_KEY = 'educredit.lang';

export function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
}

function applyZodLocale(lang: Lang): void {
  z.config(lang === 'en' ? z.locales.en() : z.locales.zhCN());
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
// Features that keep their own words register them under their own top-level key.
for (const lang of ['zh-CN', 'en'] as const) i18n.addResourceBundle(lang, 'translation', {
      reports: reportMessages[lang],
      sync: syncMessages[lang],
      overview: overviewMessages[lang],
      institutions: institutionMessages[lang],
      grading: gradingMessages[lang],
      lists: listMessages[lang],
      cases: caseMessages[lang],
      decisions: decisionMessages[lang],
      inspections: inspectionMessages[lang],
      teacherAccounts: teacherAccountMessages[lang],
      schoolTeachers: schoolTeacherMessages[lang],
    }, true, false);
applyZodLocale(initialLang());
document.documentElement.lang = initialLang();

export function setLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  applyZodLocale(lang);
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export function errorText(e: ApiError): string {
  return formatError(e, currentLang());
}

/** 2026年11月24日 14:05 in zh-CN, 24 Nov 2026 14:05 in English. */
export function formatDateTime(iso: string): string {
  return dateTimeText(iso, currentLang());
}

export default i18n;
