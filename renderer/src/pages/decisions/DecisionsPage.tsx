// 信用审查, where credit decides (DOM): funding, honour and evaluation rounds; a round's applicants
// ranked by credit with their grade, lists and verdict; adding applicants and deciding, where a
// restricted applicant cannot be granted and a flagged one only with its flags acknowledged. The
// bureau administrator acts; the inspector and the auditor read. Rules: shared/domain/restrictions.ts.
import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { CreateRoundModal } from './CreateRoundModal';
import { RoundPanel } from './RoundPanel';
import { RoundsTable } from './RoundsTable';

export function DecisionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const admin = me.user.role === 'bureau_admin';
  const rounds = useLoad('decisions.rounds', {});
  const [selected, setSelected] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const current = selected ?? rounds.data?.[0]?.id ?? null;

  return (
    <Stack>
      <Title order={2}>{t('decisions.title')}</Title>
      <Text size="sm" maw={960}>
        {t('decisions.intro')}
      </Text>
      {!admin && (
        <Alert color="gray" data-testid="decisions-read-only">
          {t('decisions.readOnly')}
        </Alert>
      )}
      <Card withBorder padding="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Title order={4}>{t('decisions.rounds.title')}</Title>
            {admin && (
              <Button size="xs" onClick={() => setCreating(true)} data-testid="round-create">
                {t('decisions.rounds.create')}
              </Button>
            )}
          </Group>
          {rounds.error && <Alert color="red">{rounds.error}</Alert>}
          {!rounds.data && !rounds.error && <Loader size="sm" />}
          {rounds.data && <RoundsTable rounds={rounds.data} selected={current} onSelect={setSelected} />}
        </Stack>
      </Card>
      {current !== null && <RoundPanel key={current} roundId={current} admin={admin} onChanged={rounds.reload} />}
      {admin && (
        <CreateRoundModal
          opened={creating}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            setSelected(id);
            rounds.reload();
          }}
        />
      )}
    </Stack>
  );
}
