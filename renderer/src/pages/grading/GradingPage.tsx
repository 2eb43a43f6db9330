// 信用分级 (DOM): every supervised subject graded under the versioned rule set — the counts by kind
// and grade with the trend of recorded runs, the subjects with each grade's explanation, and the
// rules themselves. The bureau administrator runs a grading (audited); every bureau role reads.
import { useState } from 'react';
import { Alert, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { formatCount, formatDate } from '../../components/format';
import { currentLang, formatDateTime } from '../../i18n';
import { OverviewPanel } from './OverviewPanel';
import { RulesPanel } from './RulesPanel';
import { SubjectsPanel } from './SubjectsPanel';

export function GradingPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const admin = me.user.role === 'bureau_admin';
  const summary = useLoad('grading.subjects', { limit: 1 });
  const trend = useLoad('grading.trend', {});
  const run = useAction('grading.run');
  const [version, setVersion] = useState(0);
  const last = trend.data?.at(-1);

  const runGrading = async (): Promise<void> => {
    const r = await run.run({});
    if (!r) return;
    notifications.show({ color: 'teal', message: t('grading.ran', { total: formatCount(r.total), ms: formatCount(r.ms) }) });
    summary.reload();
    trend.reload();
    setVersion((v) => v + 1);
  };

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={2}>{t('grading.title')}</Title>
          <Text size="sm" maw={900}>
            {t('grading.intro')}
          </Text>
        </Stack>
        {admin && (
          <Button onClick={() => void runGrading()} loading={run.busy} data-testid="grading-run">
            {t('grading.run')}
          </Button>
        )}
      </Group>
      {run.error && <Alert color="red">{run.error}</Alert>}
      <Text size="sm" c="dimmed" data-testid="grading-last-run">
        {last ? t('grading.lastRun', { at: formatDateTime(last.at), by: last.by, total: formatCount(last.total), ms: formatCount(last.ms) }) : t('grading.noRun')}
        {summary.data && `${currentLang() === 'en' ? ' ' : ''}${t('grading.liveNote', { asOf: formatDate(summary.data.asOf), version: summary.data.rulesVersion })}`}
      </Text>
      {(summary.error ?? trend.error) && <Alert color="red">{summary.error ?? trend.error}</Alert>}
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="overview" data-testid="grading-tab-overview">
            {t('grading.tabs.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="subjects" data-testid="grading-tab-subjects">
            {t('grading.tabs.subjects')}
          </Tabs.Tab>
          <Tabs.Tab value="rules" data-testid="grading-tab-rules">
            {t('grading.tabs.rules')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          {summary.data && trend.data ? <OverviewPanel counts={summary.data.counts} runs={trend.data} /> : <Loader />}
        </Tabs.Panel>
        <Tabs.Panel value="subjects" pt="md">
          <SubjectsPanel version={version} />
        </Tabs.Panel>
        <Tabs.Panel value="rules" pt="md">
          <RulesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
