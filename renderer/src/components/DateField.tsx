// A date field (DOM) that shows the date the way the user reads it (2026年11月24日 in zh-CN, 24 Nov
// 2026 in English) whatever the browser's own locale: a native <input type="date"> follows the
// operating system's locale, which on a test machine or an English Windows is mm/dd/yyyy. Typing
// 2026-11-24, 2026/11/24, 20261124 or 2026年11月24日 all work; the button opens the native picker.
import { useRef, useState } from 'react';
import { ActionIcon, TextInput } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDate } from './format';

const TYPED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** YYYY-MM-DD for a real day, '' for nothing, null for text that is not a date. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  if (!s) return '';
  const m = TYPED.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) {
    const en = dayjs(s);
    return /[A-Za-z]/.test(s) && en.isValid() ? en.format('YYYY-MM-DD') : null;
  }
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return dayjs(iso).format('YYYY-MM-DD') === iso ? iso : null;
}

function CalendarIcon(): React.JSX.Element {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 11h18" />
    </svg>
  );
}

interface Props {
  label?: string;
  /** Names the field for screen readers when there is no visible label. */
  ariaLabel?: string;
  value: string;
  onChange(iso: string): void;
  required?: boolean;
  /** The latest day allowed (YYYY-MM-DD), e.g. today for things that already happened. */
  max?: string;
  w?: number;
  testId?: string;
  /** Shown when empty; by default an example of what may be typed. */
  placeholder?: string;
  /** The core's refusal of this date, in words: shown when the field itself finds nothing wrong. */
  error?: string | undefined;
}

export function DateField({ label, ariaLabel, value, onChange, required = false, max, w = 180, testId, placeholder, error: refused }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const parsed = text === null ? value : parseDate(text);
  const error = parsed === null ? t('common.badDate') : max && parsed && parsed > max ? t('common.dateAfter', { date: formatDate(max) }) : (refused ?? null);

  return (
    <TextInput
      {...(label ? { label } : {})}
      aria-label={label ?? ariaLabel}
      required={required}
      w={w}
      value={text ?? (value ? formatDate(value) : '')}
      placeholder={placeholder ?? t('common.dateExample')}
      error={error}
      data-testid={testId}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        const iso = parseDate(next);
        onChange(iso ?? '');
      }}
      // Back to the formatted date once the user is done, unless what they typed is not a date.
      onBlur={() => parsed !== null && setText(null)}
      rightSection={
        <>
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={label ?? ariaLabel ?? 'date'} tabIndex={-1} onClick={() => picker.current?.showPicker()}>
            <CalendarIcon />
          </ActionIcon>
          <input
            ref={picker}
            type="date"
            tabIndex={-1}
            aria-hidden
            value={value}
            {...(max ? { max } : {})}
            onChange={(e) => {
              setText(null);
              onChange(e.currentTarget.value);
            }}
            style={{ position: 'absolute', right: 0, bottom: 0, width: 1, height: 1, opacity: 0, pointerEvents: 'none', border: 0, padding: 0 }}
          />
        </>
      }
    />
  );
}
