// Grant or decline one applicant (DOM), with a reason. The review is shown first; a refused
// applicant can only be declined; granting a flagged one needs the acknowledgement box, shown only
// then; an evaluation the applicant's credit lowers is granted only at a lower level, chosen here. If credit changed since the table was loaded, the server's refusal is shown in words and the
// table reloads.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { loweredLevels, type ApplicantView, type EvaluationLevel } from '../../../../shared/api/routes/decisions';
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
  // Levels below the one asked for, when the credit lowers the evaluation; none left means cancelled.
  const lowered = loweredLevels(a.request, a.review.reasons);
  const cancelled = lowered !== null && lowered.length === 0;
  const refused = a.review.verdict === 'refused' || cancelled;
  const flagged = a.review.verdict === 'flagged';
  const [outcome, setOutcome] = useState<'granted' | 'declined'>(refused ? 'declined' : initialOutcome);
  const [level, setLevel] = useState<EvaluationLevel | null>(null);
  const needsLevel = outcome === 'granted' && lowered !== null && !cancelled;
  const [reason, setReason] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const decide = useAction('decisions.decide');
  const needsAck = outcome === 'granted' && flagged;

  const submit = async (): Promise<void> => {
    const r = await decide.run({ applicantId: a.id, outcome, reason: reason.trim(), acknowledgeFlags: needsAck && acknowledged, ...(needsLevel && level ? { level } : {}) });
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
            {t(cancelled ? 'decisions.decide.cancelledNote' : 'decisions.decide.refusedNote')}
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
        {needsLevel && (
          <Select
            label={t('decisions.decide.level')}
            description={t('decisions.decide.levelHint')}
            data={lowered.map((l) => ({ value: l, label: t(`decisions.level.${l}`) }))}
            value={level}
            onChange={(v) => setLevel(v as EvaluationLevel | null)}
            required
            maw={420}
            data-testid="decide-level"
          />
        )}
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
            disabled={reason.trim().length < 2 || (needsAck && !acknowledged) || (needsLevel && level === null)}
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
