// A long text field (DOM) that says how much room is left and never cuts what is typed or pasted:
// past the limit the count turns red and says by how much, and the form's button stays off
// (`isTooLong`), so nobody saves a text that lost its end without knowing.
import { Textarea, type TextareaProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount } from './format';

interface Props extends Omit<TextareaProps, 'value' | 'onChange' | 'maxLength' | 'description'> {
  value: string;
  onChange(value: string): void;
  max: number;
  /** The core's refusal of this text, in words. */
  error?: React.ReactNode;
}

/** Characters as a person counts them (a character outside the BMP is one). */
export function textLength(s: string): number {
  return [...s.trim()].length;
}

export function isTooLong(s: string, max: number): boolean {
  return textLength(s) > max;
}

export function LongText({ value, onChange, max, error, ...rest }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const n = textLength(value);
  const over = n > max;
  return (
    <Textarea
      autosize
      minRows={2}
      maxRows={14}
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={over ? t('common.tooLong', { over: formatCount(n - max), max: formatCount(max) }) : error}
      description={t('common.charCount', { n: formatCount(n), max: formatCount(max) })}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  );
}
