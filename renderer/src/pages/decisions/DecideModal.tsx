// Grant or decline one applicant (DOM), with a reason. The review is shown first; a refused
// applicant can only be declined; granting a flagged one needs the acknowledgement box, shown only
// then. If credit changed since the table was loaded, the server's refusal is shown in words and the
// table reloads.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../shared/api/routes/decisions';
import { useAction } from '../../app/useAction';
import { requestText, ReviewSummary } from './reviewText';

interface Props {
  applicant: ApplicantView;
  initialOutcome: 'granted' | 'declined';
  onClose(): void;
  onDecided(): void;
  /** The server judged on fresher credit than the table shows: reload it. */
  onStale(): void;
}

export function DecideModal({ applicant: a, initialOutcome, onClose, onDecided, onStale }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const refused = a.review.verdict === 'refused';
  const flagged = a.review.verdict === 'flagged';
  const [outcome, setOutcome] = useState<'granted' | 'declined'>(refused ? 'declined' : initialOutcome);
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const decide = useAction('decisions.decide');
  const needsAck = outcome === 'granted' && flagged;

  const submit = async (): Promise<void> => {
    const r = await decide.run({ applicantId: a.id, outcome, reason: reason.trim(), acknowledgeFlags: needsAck && acknowledged });
    if (r) {
      notifications.show({ color: 'teal', message: t('decisions.decide.done', { name: a.review.name }) });
      onDecided();
    } else onStale();
  };

  return (
    <Modal opened onClose={onClose} title={t('decisions.decide.title', { name: a.review.name })} centered size="lg">
      <Stack>
        <Text size="sm">
          {t('common.labelValue', { label: t('decisions.col.request'), value: requestText(t, a.request) })}
        </Text>
        <ReviewSummary review={a.review} />
        {refused && (
          <Alert color="red" data-testid="decide-refused">
            {t('decisions.decide.refusedNote')}
          </Alert>
        )}
        {flagged && !refused && <Alert color="orange">{t('decisions.decide.flaggedNote')}</Alert>}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('decisions.decide.outcome')}
          </Text>
          <SegmentedControl
            value={outcome}
            onChange={(v) => setOutcome(v as 'granted' | 'declined')}
            data={[
              { value: 'granted', label: t('decisions.grant'), disabled: refused },
              { value: 'declined', label: t('decisions.decline') },
            ]}
            data-testid="decide-outcome"
          />
        </Stack>
        <Textarea
          label={t('decisions.decide.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
          required
          data-testid="decide-reason"
        />
        {needsAck && (
          <Checkbox
            label={t('decisions.decide.acknowledge')}
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.currentTarget.checked)}
            color="orange"
            data-testid="decide-acknowledge"
          />
        )}
        {decide.error && (
          <Alert color="red" data-testid="decide-error">
            {decide.error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={outcome === 'granted' ? 'teal' : 'gray'}
            loading={decide.busy}
            disabled={reason.trim().length < 2 || (needsAck && !acknowledged)}
            onClick={() => void submit()}
            data-testid="decide-submit"
          >
            {t('decisions.decide.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
