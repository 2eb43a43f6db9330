// 数据交换, the bundle exchange screen at both ends (runs in the DOM): identity cards and enrolled
// partners, export to a folder, import of several bundles in order, and the outbox and inbox.
// Administrators act; the auditor sees the state and may inspect a bundle without importing it.
// The format and its rules are in docs/BUNDLE-FORMAT.md.
import { Alert, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { ExportPanel } from './ExportPanel';
import { HistoryPanel } from './HistoryPanel';
import { IdentityPanel } from './IdentityPanel';
import { ImportPanel } from './ImportPanel';

export function SyncPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const state = useLoad('sync.state', {});
  const admin = me.user.role === 'school_admin' || me.user.role === 'bureau_admin';

  return (
    <Stack>
      <Title order={2}>{t('sync.title')}</Title>
      <Text size="sm" maw={900}>
        {t('sync.intro', { other: t(me.org.mode === 'school' ? 'sync.otherSchool' : 'sync.otherBureau') })}
      </Text>
      {!admin && (
        <Alert color="gray" data-testid="sync-read-only">
          {t('sync.readOnly')}
        </Alert>
      )}
      {state.error && <Alert color="red">{state.error}</Alert>}
      {!state.data && !state.error && <Loader />}
      {state.data && (
        <Tabs defaultValue="identity" keepMounted>
          <Tabs.List>
            <Tabs.Tab value="identity" data-testid="sync-tab-identity">
              {t('sync.tabs.identity')}
            </Tabs.Tab>
            {admin && (
              <Tabs.Tab value="export" data-testid="sync-tab-export">
                {t('sync.tabs.export')}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="import" data-testid="sync-tab-import">
              {t(admin ? 'sync.tabs.import' : 'sync.tabs.inspect')}
            </Tabs.Tab>
            <Tabs.Tab value="history" data-testid="sync-tab-history">
              {t('sync.tabs.history')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="identity" pt="md">
            <IdentityPanel state={state.data} admin={admin} onChanged={state.reload} />
          </Tabs.Panel>
          {admin && (
            <Tabs.Panel value="export" pt="md">
              <ExportPanel partners={state.data.partners} onChanged={state.reload} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="import" pt="md">
            <ImportPanel partners={state.data.partners} admin={admin} onChanged={state.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <HistoryPanel state={state.data} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
