// One round (DOM): its header and totals, the applicants in credit order, and — for the bureau
// administrator while the round is open — adding applicants, deciding and closing.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ApplicantView } from '../../../../shared/api/routes/decisions';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { formatDate } from '../../components/format';
import { AddApplicantModal } from './AddApplicantModal';
import { ApplicantsTable } from './ApplicantsTable';
import { DecideModal } from './DecideModal';
import { formatYuan } from './reviewText';

interface Props {
  roundId: number;
  admin: boolean;
  /** The round list's counts change with every step here. */
  onChanged(): void;
}

export function RoundPanel({ roundId, admin, onChanged }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const detail = useLoad('decisions.round', { roundId });
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<{ applicant: ApplicantView; outcome: 'granted' | 'declined' } | null>(null);
  const [closing, setClosing] = useState(false);
  const close = useAction('decisions.closeRound');
  const changed = (): void => {
    detail.reload();
    onChanged();
  };

  if (detail.error) return <Alert color="red">{detail.error}</Alert>;
  if (!detail.data) return <Loader size="sm" />;
  const { round, applicants } = detail.data;
  const acting = admin && round.state === 'open';

  return (
    <Card withBorder padding="md" data-testid="round-panel" data-round={round.title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Group gap="xs">
              <Title order={3}>{round.title}</Title>
              <Badge variant="light">{t(`decisions.kind.${round.kind}`)}</Badge>
              <Badge color={round.state === 'open' ? 'blue' : 'gray'} variant="light" data-testid="round-state">
                {t(`decisions.state.${round.state}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('decisions.round.openedOn', { date: formatDate(round.openedOn), by: round.createdBy })}
            </Text>
            {round.kind === 'funding' && (
              <Text size="sm" data-testid="round-totals">
                {t('decisions.round.requested', { requested: formatYuan(round.requestedYuan), granted: formatYuan(round.grantedYuan) })}
              </Text>
            )}
          </Stack>
          {acting && (
            <Group gap="xs">
              <Button size="xs" onClick={() => setAdding(true)} data-testid="applicant-add">
                {t('decisions.round.add')}
              </Button>
              <Tooltip label={t('decisions.round.closeNeedsAll', { n: round.pending })} disabled={round.pending === 0}>
                <span>
                  <Button size="xs" variant="default" disabled={round.pending > 0} onClick={() => setClosing(true)} data-testid="round-close">
                    {t('decisions.round.close')}
                  </Button>
                </span>
              </Tooltip>
            </Group>
          )}
        </Group>
        {applicants.length === 0 ? (
          <Text c="dimmed">{t('decisions.round.empty')}</Text>
        ) : (
          <ApplicantsTable applicants={applicants} acting={acting} onDecide={(applicant, outcome) => setDeciding({ applicant, outcome })} />
        )}
      </Stack>
      {acting && adding && <AddApplicantModal round={round} onClose={() => setAdding(false)} onAdded={changed} />}
      {deciding && (
        <DecideModal
          applicant={deciding.applicant}
          initialOutcome={deciding.outcome}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            changed();
          }}
          onStale={changed}
        />
      )}
      <Modal opened={closing} onClose={() => setClosing(false)} title={t('decisions.round.close')} centered>
        <Stack>
          <Text size="sm">{t('decisions.round.closeConfirm', { title: round.title })}</Text>
          {close.error && <Alert color="red">{close.error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={close.busy}
              data-testid="round-close-confirm"
              onClick={() =>
                void close.run({ roundId }).then((r) => {
                  if (!r) return;
                  setClosing(false);
                  notifications.show({ color: 'teal', message: t('decisions.round.closed', { title: r.title }) });
                  changed();
                })
              }
            >
              {t('decisions.round.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
