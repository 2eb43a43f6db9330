// One move of a case (DOM): its reason, its day, and for a move that lists the school an optional
// end of the entry. The state machine is asked first, so a refused move is explained in the
// user's words before anything is sent.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../../shared/api/routes/cases';
import { CASE_LIST_MONTHS, transition, type CaseEvent } from '../../../../shared/domain/negativeList';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../components/format';

export type TransitionEvent = Exclude<CaseEvent, 'issueNotice'>;

interface Props {
  c: CaseView;
  event: TransitionEvent | null;
  onClose(): void;
  onDone(): void;
}

export function MoveModal({ c, event, onClose, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal opened={event !== null} onClose={onClose} title={event ? t(`cases.event.${event}`) : ''} size="lg">
      {event && <MoveForm key={event} c={c} event={event} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

function MoveForm({ c, event, onClose, onDone }: { c: CaseView; event: TransitionEvent; onClose(): void; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const run = useAction('cases.transition');
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const [endOn, setEndOn] = useState('');
  const check = date ? transition(c.state, event, { today: date, deadline: c.notice?.deadline ?? null }) : null;
  const list = check?.ok ? check.effects.startList : null;

  const submit = async (): Promise<void> => {
    const out = await run.run({ caseId: c.id, event, reason: reason.trim(), occurredOn: date, ...(list && endOn ? { endOn } : {}) });
    if (!out) return;
    notifications.show({ color: 'teal', message: t('cases.move.done', { event: t(`cases.event.${event}`) }) });
    onDone();
  };

  return (
    <Stack>
      <Textarea label={t('cases.move.reason')} required autosize minRows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus data-testid="move-reason" />
      <Group align="flex-start">
        <DateField label={t('cases.move.date')} value={date} onChange={setDate} max={todayIso()} required testId="move-date" />
        {list && <DateField label={t('cases.move.endOn', { months: CASE_LIST_MONTHS[list] })} value={endOn} onChange={setEndOn} w={280} testId="move-end" placeholder=" " />}
      </Group>
      {list && (
        <Text size="sm" c="dimmed">
          {t('cases.move.listHint', { list: t(`lists.kind.${list}`), months: CASE_LIST_MONTHS[list] })}
        </Text>
      )}
      {check && !check.ok && (
        <Alert color="orange" data-testid="move-refusal">
          {t(`cases.refusal.${check.refusal}`)}
        </Alert>
      )}
      {run.error && <Alert color="red">{run.error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          color={event === 'confirmRectified' ? 'teal' : event === 'lift' || event === 'withdraw' ? 'gray' : 'red'}
          disabled={reason.trim().length < 2 || !date || !check?.ok}
          loading={run.busy}
          onClick={() => void submit()}
          data-testid="move-submit"
        >
          {t('cases.move.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
