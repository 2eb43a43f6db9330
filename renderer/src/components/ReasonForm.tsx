// A reason, and optionally a date, before a step that cannot be undone (DOM): revoke, objection,
// decision, repair. The core wants 2–1,000 characters; the button stays off until there are two.
import { useState } from 'react';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from './format';
import { DateField } from './DateField';
import { isTooLong, LongText } from './LongText';

/** The core's limit for a reason (shared/api/routes/credit.ts). */
const REASON_MAX = 1000;

interface Props {
  label: string;
  submitLabel: string;
  color?: string;
  /** When set, a date field with this label is shown too. */
  dateLabel?: string;
  busy: boolean;
  error: string | null;
  children?: React.ReactNode;
  /** Shown under the reason: evidence to attach, for an objection. */
  after?: React.ReactNode;
  onCancel(): void;
  onSubmit(reason: string, date: string): void;
}

export function ReasonForm({ label, submitLabel, color, dateLabel, busy, error, children, after, onCancel, onSubmit }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  return (
    <Stack>
      {children}
      <LongText label={label} value={reason} onChange={setReason} max={REASON_MAX} minRows={3} required data-autofocus />
      {after}
      {dateLabel && <DateField label={dateLabel} value={date} onChange={setDate} required w={200} />}
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button {...(color ? { color } : {})} loading={busy} disabled={reason.trim().length < 2 || isTooLong(reason, REASON_MAX) || (!!dateLabel && !date)} onClick={() => onSubmit(reason.trim(), date)}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
