// A reason, and optionally a date, before a step that cannot be undone (DOM): revoke, objection,
// decision, repair, cancelling an inspection. The core wants 2 characters up to the route's limit
// (1,000 unless `max` says otherwise); the button stays off until there are two.
// A refusal of the reason or the date shows under that field, anything else above the buttons.
import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api/errors';
import { formErrors } from './fieldErrors';
import { todayIso } from './format';
import { DateField } from './DateField';
import { isTooLong, LongText } from './LongText';

/** The core's usual limit for a reason (shared/api/routes/credit.ts). */
const REASON_MAX = 1000;

interface Props {
  label: string;
  submitLabel: string;
  color?: string;
  /** When set, a date field with this label is shown too. */
  dateLabel?: string;
  /** The route's input path of the date, so a refusal of it shows under the date field. */
  datePath?: string;
  busy: boolean;
  error: ApiError | null;
  children?: React.ReactNode;
  /** Shown under the reason: evidence to attach, for an objection. */
  after?: React.ReactNode;
  /** The route's own limit when it is not the usual 1,000. */
  max?: number;
  testId?: string;
  onCancel(): void;
  onSubmit(reason: string, date: string): void;
}

export function ReasonForm({ label, submitLabel, color, dateLabel, datePath, busy, error, children, after, max = REASON_MAX, testId, onCancel, onSubmit }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const errors = formErrors(error, datePath ? ['reason', datePath] : ['reason']);
  return (
    <Stack>
      {children}
      <LongText label={label} value={reason} onChange={setReason} max={max} minRows={3} required data-autofocus error={errors.fields.reason} {...(testId ? { 'data-testid': `${testId}-reason` } : {})} />
      {after}
      {dateLabel && <DateField label={dateLabel} value={date} onChange={setDate} required w={200} error={datePath ? errors.fields[datePath] : undefined} />}
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button
          {...(color ? { color } : {})}
          loading={busy}
          disabled={reason.trim().length < 2 || isTooLong(reason, max) || (!!dateLabel && !date)}
          onClick={() => onSubmit(reason.trim(), date)}
          {...(testId ? { 'data-testid': `${testId}-submit` } : {})}
        >
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
