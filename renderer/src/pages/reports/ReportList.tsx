// The staff's list of reports (runs in the DOM): pick a teacher to narrow the list and to make a
// new report for them, filter by status, download a PDF, and (administrator) record a paper
// confirmation. The teacher picker searches the core, so it works with any number of teachers.
// Making a report for an unchanged file hands back the existing one, and the notice says so.
import { useState } from 'react';
import { Alert, Button, Card, Group, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPORT_STATUSES, type ReportView } from '../../../../shared/api/routes/reports';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { SubjectPicker, type PickedSubject } from '../../components/SubjectPicker';
import { downloadFile, type FileOut } from '../../components/files';
import { formatCount } from '../../components/format';
import { PaperConfirmModal } from './PaperConfirmModal';
import { PdfButton } from './PdfButton';
import { ReportTable } from './ReportTable';
import { ListExport } from '../../components/ListExport';

type StatusFilter = ReportView['status'] | 'all';

interface Props {
  reports: ReportView[] | null;
  error: string | null;
  teacher: PickedSubject | null;
  onTeacher(teacher: PickedSubject | null): void;
  onChanged(): void;
}

export function ReportList({ reports, error, teacher, onTeacher, onChanged }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const [status, setStatus] = useState<StatusFilter>('all');
  const [paper, setPaper] = useState<ReportView | null>(null);
  const [made, setMade] = useState<{ report: ReportView; pdf: FileOut; existing: boolean } | null>(null);
  const generate = useAction('reports.generate');
  const maker = me.user.role === 'school_admin' || me.user.role === 'records_clerk';
  const admin = me.user.role === 'school_admin';
  const shown = (reports ?? []).filter((r) => status === 'all' || r.status === status);

  const make = async (): Promise<void> => {
    if (!teacher) return;
    setMade(null);
    const out = await generate.run({ teacherId: teacher.id });
    if (!out) return;
    setMade(out);
    onChanged();
  };

  return (
    <Stack>
      <Card withBorder padding="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <div style={{ flex: '1 1 320px', maxWidth: 460 }} data-testid="reports-teacher">
            <SubjectPicker kind="teacher" label={t('reports.teacher')} value={teacher} onChange={onTeacher} />
          </div>
          <Select
            label={t('reports.statusFilter')}
            w={150}
            value={status}
            allowDeselect={false}
            onChange={(v) => setStatus((v as StatusFilter | null) ?? 'all')}
            data={[{ value: 'all', label: t('common.all') }, ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`reports.status.${s}`) }))]}
            data-testid="reports-status"
          />
          {maker && (
            <Button onClick={() => void make()} loading={generate.busy} disabled={!teacher} data-testid="report-generate">
              {t('reports.generate')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          {maker && !teacher ? t('reports.generateHint') : t('reports.teacherHint')}
        </Text>
      </Card>
      {generate.error && <Alert color="red">{generate.error}</Alert>}
      {made && (
        <Alert color={made.existing ? 'blue' : 'teal'} data-testid="report-generated" data-existing={made.existing} withCloseButton onClose={() => setMade(null)}>
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm">
              {made.existing
                ? t('reports.existing', { number: made.report.number, teacher: made.report.teacherName, status: t(`reports.status.${made.report.status}`) })
                : t('reports.generated', { number: made.report.number, teacher: made.report.teacherName })}
            </Text>
            <Button size="compact-sm" variant="white" color={made.existing ? 'blue' : 'teal'} style={{ flexShrink: 0 }} onClick={() => downloadFile(made.pdf)} data-testid="report-generated-pdf">
              {t('reports.downloadPdf')}
            </Button>
          </Group>
        </Alert>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {reports && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="reports-count">
            {t('reports.count', { count: shown.length, n: formatCount(shown.length) })}
          </Text>
          <ListExport route="reports.export" filter={{ ...(teacher ? { teacherId: teacher.id } : {}), ...(status === 'all' ? {} : { status }) }} testId="reports-export" />
        </Group>
      )}
      {reports && shown.length === 0 ? (
        <Text c="dimmed">{reports.length === 0 && !teacher ? t('reports.none') : t('reports.noneFiltered')}</Text>
      ) : (
        <ReportTable
          reports={shown}
          showTeacher
          actions={(r) => (
            <>
              <PdfButton reportId={r.id} />
              {admin && r.status === 'unconfirmed' && (
                <Button size="compact-sm" variant="light" color="grape" onClick={() => setPaper(r)} data-testid="report-paper">
                  {t('reports.paper.button')}
                </Button>
              )}
            </>
          )}
        />
      )}
      <PaperConfirmModal
        report={paper}
        onClose={() => setPaper(null)}
        onDone={() => {
          setPaper(null);
          setMade(null);
          onChanged();
        }}
      />
    </Stack>
  );
}
