// Dates, times, sizes and counts as people read them, in both languages (pure; used by the UI, the
// PDFs, the exports and the CLI, so every surface writes 2026年12月6日 the same way). Instants are
// shown in the computer's local time.
import dayjs from 'dayjs';
import type { Lang } from '../api/messages';

/** A calendar date (YYYY-MM-DD) or an ISO instant, as a day: 2026年12月6日 / 6 Dec 2026. */
export function dateText(value: string, lang: Lang): string {
  return dayjs(value).format(lang === 'en' ? 'D MMM YYYY' : 'YYYY年M月D日');
}

/** An ISO instant with its local time: 2026年12月6日 14:05 / 6 Dec 2026 14:05. */
export function dateTimeText(iso: string, lang: Lang): string {
  return dayjs(iso).format(lang === 'en' ? 'D MMM YYYY HH:mm' : 'YYYY年M月D日 HH:mm');
}

/** 4.5 MB: one decimal from a kilobyte up. */
export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/** 20,000 rather than 20000 (both languages group thousands with a comma). */
export function countText(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang).format(n);
}
