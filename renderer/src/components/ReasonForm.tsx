// A reason, and optionally a date, before a step that cannot be undone (DOM): revoke, objection,
// decision, repair. The core wants 2–1,000 characters; the button stays off until there are two.
import { useState } from 'react';
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { todayIso } from './format';
import { DateField } from './DateField';

interface Props {
  label: string;
  submitLabel: string;
  color?: string;
  /** When set, a date field with this label is shown too. */
  dateLabel?: string;
  busy: boolean;
  error: string | null;
  children?: React.ReactNode;
  onCancel(): void;
  onSubmit(reason: string, date: string): void;
}

export function ReasonForm({ label, submitLabel, color, dateLabel, busy, error, children, onCancel, onSubmit }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  return (
    <Stack>
      {children}
      <Textarea label={label} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={3} maxLength={1000} required data-autofocus />
      {dateLabel && <DateField label={dateLabel} value={date} onChange={setDate} required w={200} />}
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button {...(color ? { color } : {})} loading={busy} disabled={reason.trim().length < 2 || (!!dateLabel && !date)} onClick={() => onSubmit(reason.trim(), date)}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
