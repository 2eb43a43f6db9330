// 红黑名单 (DOM): a tab per list with its entries, the public view and the proposal rules; staff
// propose by hand or by rule, the administrator decides, publishes and ends entries.
import { useState } from 'react';
import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { LIST_KINDS, type ListKind } from '../../../../shared/domain/supervision';
import { useSession } from '../../app/session';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { EntryTable } from './EntryTable';
import { ProposeModal } from './ProposeModal';
import { PublishedView, RulesView } from './PublishedView';

type Tab = ListKind | 'published' | 'rules';

export function ListsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const staff = me.user.role === 'bureau_admin' || me.user.role === 'bureau_inspector';
  const [tab, setTab] = useState<Tab>('red');
  const [proposing, setProposing] = useState(false);
  // Bumped after a proposal so the open tab loads its entries again.
  const [generation, setGeneration] = useState(0);
  const [running, setRunning] = useState(false);

  const runRules = async (): Promise<void> => {
    setRunning(true);
    const r = await call('lists.proposeByRules', {});
    setRunning(false);
    if (!r.ok) {
      notifications.show({ color: 'red', message: errorText(r.error) });
      return;
    }
    const out = r.value;
    notifications.show({ color: 'teal', message: t('lists.rules.done', { version: out.rulesVersion, considered: out.considered, count: out.proposed.length }) });
    setGeneration((g) => g + 1);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('lists.title')}</Title>
        {staff && (
          <Group gap="xs">
            <Button variant="light" loading={running} onClick={() => void runRules()} data-testid="lists-by-rules">
              {t('lists.rules.run')}
            </Button>
            <Button onClick={() => setProposing(true)} data-testid="lists-propose">
              {t('lists.propose.button')}
            </Button>
          </Group>
        )}
      </Group>
      <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)}>
        <Tabs.List>
          {LIST_KINDS.map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`lists-tab-${k}`}>
              {t(`lists.kind.${k}`)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="published" data-testid="lists-tab-published">
            {t('lists.tabs.published')}
          </Tabs.Tab>
          <Tabs.Tab value="rules" data-testid="lists-tab-rules">
            {t('lists.tabs.rules')}
          </Tabs.Tab>
        </Tabs.List>
        {LIST_KINDS.map((k) => (
          <Tabs.Panel key={k} value={k} pt="md">
            {tab === k && <EntryTable key={generation} list={k} />}
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="published" pt="md">
          {tab === 'published' && <PublishedView key={generation} />}
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          {tab === 'rules' && <RulesView />}
        </Tabs.Panel>
      </Tabs>
      <ProposeModal
        opened={proposing}
        initialList={tab === 'published' || tab === 'rules' ? 'red' : tab}
        onClose={() => setProposing(false)}
        onDone={() => {
          setProposing(false);
          setGeneration((g) => g + 1);
        }}
      />
    </Stack>
  );
}
