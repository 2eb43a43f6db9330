// The list of reports as a table (runs in the DOM): number, teacher, year, grade and score,
// status, who confirmed it and how, when it was made, and the actions the caller gives per row.
// A school has a few hundred reports a year at most, so a plain table is enough (no virtual list).
import { Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/api/routes/reports';
import { formatDateTime } from '../../i18n';
import { confirmationWho, gradeScore, ReportStatusBadge } from './reportText';

interface Props {
  reports: ReportView[];
  /** The teacher's own view leaves the teacher column out: it is always them. */
  showTeacher: boolean;
  actions(report: ReportView): React.ReactNode;
}

export function ReportTable({ reports, showTeacher, actions }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <ScrollArea type="auto">
      <Table striped highlightOnHover verticalSpacing="xs" miw={showTeacher ? 900 : 760} data-testid="reports-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.col.number')}</Table.Th>
            {showTeacher && <Table.Th>{t('reports.col.teacher')}</Table.Th>}
            <Table.Th>{t('reports.col.year')}</Table.Th>
            <Table.Th>{t('reports.col.grade')}</Table.Th>
            <Table.Th>{t('reports.col.status')}</Table.Th>
            <Table.Th>{t('reports.col.confirmation')}</Table.Th>
            <Table.Th>{t('reports.col.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.map((r) => (
            <Table.Tr key={r.id} data-testid="report-row" data-number={r.number} data-status={r.status}>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {r.number}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(r.createdAt)}
                  </Text>
                </Stack>
              </Table.Td>
              {showTeacher && (
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {r.teacherName}
                  </Text>
                </Table.Td>
              )}
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.year}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{gradeScore(t, r)}</Table.Td>
              <Table.Td>
                <ReportStatusBadge status={r.status} />
              </Table.Td>
              <Table.Td>
                <ConfirmationCell report={r} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {actions(r)}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function ConfirmationCell({ report }: { report: ReportView }): React.JSX.Element {
  const { t } = useTranslation();
  const c = report.confirmation;
  if (!c) return <Text size="sm" c="dimmed">{t('reports.notConfirmed')}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{confirmationWho(t, c)}</Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(c.confirmedAt)}
      </Text>
    </Stack>
  );
}
