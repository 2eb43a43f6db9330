// 我的信用报告, the teacher's own reports (runs in the DOM): the list the core narrows to this
// teacher, the PDF of each, and the confirmation of an unconfirmed one. Objections are raised on
// records in the teacher's credit file, which this page links to. Confirming opens ConfirmView in
// place of the list.
import { useState } from 'react';
import { Alert, Anchor, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/api/routes/reports';
import { useLoad } from '../../app/useLoad';
import { useNav } from '../../components/navigation';
import { ConfirmView } from './ConfirmView';
import { PdfButton } from './PdfButton';
import { ReportTable } from './ReportTable';

export function MyReportsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { go } = useNav();
  const reports = useLoad('reports.list', {});
  const [confirming, setConfirming] = useState<ReportView | null>(null);
  const openFile = (): void => go({ page: 'teacherFile' });

  if (confirming) {
    return (
      <ConfirmView
        key={confirming.id}
        report={confirming}
        onBack={() => setConfirming(null)}
        onConfirmed={reports.reload}
        onOpenFile={openFile}
      />
    );
  }

  return (
    <Stack>
      <Title order={2}>{t('reports.myTitle')}</Title>
      <Text size="sm">{t('reports.mine.intro')}</Text>
      <Text size="sm" c="dimmed">
        {t('reports.mine.objection')}{' '}
        <Anchor component="button" type="button" size="sm" onClick={openFile} data-testid="my-open-file">
          {t('reports.mine.openFile')}
        </Anchor>
      </Text>
      {reports.error && <Alert color="red">{reports.error}</Alert>}
      {!reports.data && !reports.error && <Loader />}
      {reports.data && reports.data.length === 0 && <Text c="dimmed">{t('reports.mine.none')}</Text>}
      {reports.data && reports.data.length > 0 && (
        <ReportTable
          reports={reports.data}
          showTeacher={false}
          actions={(r) => (
            <>
              <PdfButton reportId={r.id} />
              {r.status === 'unconfirmed' && (
                <Button size="compact-sm" onClick={() => setConfirming(r)} data-testid="report-confirm">
                  {t('reports.mine.confirm')}
                </Button>
              )}
            </>
          )}
        />
      )}
    </Stack>
  );
}
