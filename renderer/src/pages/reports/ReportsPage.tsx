// 信用报告, the report screen (runs in the DOM). The school administrator, the records clerk and the
// auditor get the list (with making reports and the paper path for the roles allowed), verification
// and the batch; a teacher gets their own view (MyReportsPage) from the same navigation entry.
import { useState } from 'react';
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import type { PickedSubject } from '../../components/SubjectPicker';
import { BatchPanel } from './BatchPanel';
import { MyReportsPage } from './MyReportsPage';
import { ReportList } from './ReportList';
import { VerifyPanel } from './VerifyPanel';

export function ReportsPage(): React.JSX.Element {
  const { me } = useSession();
  return me.user.role === 'teacher' ? <MyReportsPage /> : <StaffReportsPage />;
}

function StaffReportsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const [teacher, setTeacher] = useState<PickedSubject | null>(null);
  // Loaded here rather than in the list tab, so a batch or a confirmation refreshes it wherever it ran.
  const reports = useLoad('reports.list', teacher ? { teacherId: teacher.id } : {});
  const maker = me.user.role === 'school_admin' || me.user.role === 'records_clerk';

  return (
    <Stack>
      <Title order={2}>{t('reports.title')}</Title>
      <Tabs defaultValue="list" keepMounted>
        <Tabs.List>
          <Tabs.Tab value="list" data-testid="reports-tab-list">
            {t('reports.tabs.list')}
          </Tabs.Tab>
          <Tabs.Tab value="verify" data-testid="reports-tab-verify">
            {t('reports.tabs.verify')}
          </Tabs.Tab>
          {maker && (
            <Tabs.Tab value="batch" data-testid="reports-tab-batch">
              {t('reports.tabs.batch')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <ReportList reports={reports.data} error={reports.error} teacher={teacher} onTeacher={setTeacher} onChanged={reports.reload} />
        </Tabs.Panel>
        <Tabs.Panel value="verify" pt="md">
          <VerifyPanel />
        </Tabs.Panel>
        {maker && (
          <Tabs.Panel value="batch" pt="md">
            <BatchPanel onReportsChanged={reports.reload} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
