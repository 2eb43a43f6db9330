// 检查抽查 (DOM): inspection plans and their recorded draws, the double-random draw (preview, then
// confirm), the inspections with overdue flags and their results, and the routine schedule by
// grade. The administrator plans and draws; inspectors record results of their own inspections;
// the auditor reads and may re-run any draw.
import { useState } from 'react';
import { Alert, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { DrawPanel } from './DrawPanel';
import { InspectionList } from './InspectionList';
import { PlansPanel } from './PlansPanel';
import { SchedulePanel } from './SchedulePanel';

type Tab = 'plans' | 'draw' | 'list' | 'schedule';

export function InspectionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const admin = me.user.role === 'bureau_admin';
  const [tab, setTab] = useState<Tab>(me.user.role === 'bureau_inspector' ? 'list' : 'plans');
  const plans = useLoad('inspections.plans', {});

  return (
    <Stack>
      <Title order={2}>{t('inspections.title')}</Title>
      <Text size="sm" maw={900}>
        {t('inspections.intro')}
      </Text>
      {me.user.role === 'auditor' && (
        <Alert color="gray" data-testid="inspections-read-only">
          {t('inspections.readOnly')}
        </Alert>
      )}
      {plans.error && <Alert color="red">{plans.error}</Alert>}
      {!plans.data && !plans.error && <Loader />}
      {plans.data && (
        // Panels mount when shown, so each tab shows what the others just changed.
        <Tabs value={tab} onChange={(v) => v && setTab(v as Tab)} keepMounted={false}>
          <Tabs.List>
            {(['plans', 'draw', 'list', 'schedule'] as const).map((k) => (
              <Tabs.Tab key={k} value={k} data-testid={`inspections-tab-${k}`}>
                {t(`inspections.tabs.${k}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="plans" pt="md">
            <PlansPanel data={plans.data} admin={admin} onChanged={plans.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="draw" pt="md">
            <DrawPanel data={plans.data} admin={admin} onChanged={plans.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="list" pt="md">
            <InspectionList plans={plans.data} onChanged={plans.reload} />
          </Tabs.Panel>
          <Tabs.Panel value="schedule" pt="md">
            <SchedulePanel plans={plans.data} admin={admin} onChanged={plans.reload} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
