// Dates, sizes and points as people read them (DOM): 2026年11月24日 in zh-CN, 24 Nov 2026 in English,
// through the one set of formatters the PDFs and the CLI use too (shared/format/dates.ts).
import dayjs from 'dayjs';
import { bytesText, countText, dateText } from '../../../shared/format/dates';
import { currentLang } from '../i18n';

/** A calendar date (YYYY-MM-DD) or an ISO instant, shown as a day. */
export function formatDate(value: string): string {
  return dateText(value, currentLang());
}

export function formatBytes(bytes: number): string {
  return bytesText(bytes);
}

/** +5, −20 (a real minus sign, easier to see than a hyphen), or 0. */
export function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}

/** Today in the computer's own time zone, as the date inputs want it. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** 20,000 rather than 20000 in counts (both languages group thousands with a comma). */
export function formatCount(n: number): string {
  return countText(n, currentLang());
}

/** A short list: 教师、学生 in Chinese, "Teachers, Students" in English. */
export function formatList(items: string[]): string {
  return items.join(currentLang() === 'en' ? ', ' : '、');
}
