// The bureau's supervision overview on the dashboard (DOM): grades, lists, cases and inspections
// counted now, a twelve-month trend chart, and what falls due this week.
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { GRADES } from '../../../../shared/domain/creditRules';
import { useLoad } from '../../app/useLoad';
import { currentLang, formatDateTime } from '../../i18n';
import { formatDate } from '../../components/format';
import { GRADE_COLOR } from '../../components/GradeExplanation';

const CASE_STATES = ['open', 'notice_issued', 'key_supervision', 'key_monitoring', 'closed', 'lifted', 'withdrawn'] as const;

function Figure({ label, value, color, testId }: { label: string; value: number; color?: string | undefined; testId?: string }): React.JSX.Element {
  return (
    <Group justify="space-between" wrap="nowrap" data-testid={testId}>
      <Text size="sm">{label}</Text>
      <Text fw={700} {...(color ? { c: color } : {})}>
        {value}
      </Text>
    </Group>
  );
}

export function BureauOverview(): React.JSX.Element {
  const { t } = useTranslation();
  const { data, error } = useLoad('overview.bureau', {});
  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Text c="dimmed">…</Text>;
  // 26/03 would read as 26 March in English: the month is named, and the year marked as one.
  const trend = data.trend.map((m) => ({ ...m, month: dayjs(m.month).format(currentLang() === 'en' ? "MMM 'YY" : 'YY年M月') }));
  return (
    <Stack data-testid="bureau-overview">
      <SimpleGrid cols={{ base: 1, md: 2, lg: 4 }}>
        <Card withBorder>
          <Text fw={600}>{t('overview.grades.title')}</Text>
          <Text size="xs" c="dimmed" mb="xs">
            {t('overview.grades.hint')}
          </Text>
          <Table data-testid="overview-grades" verticalSpacing={4} horizontalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                {GRADES.map((g) => (
                  <Table.Th key={g} ta="right" title={t(`overview.grades.${g}`)}>
                    <Text span fw={700} c={GRADE_COLOR[g]}>
                      {g}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.grades.map((r) => (
                <Table.Tr key={r.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{t(`overview.kinds.${r.kind}`)}</Text>
                  </Table.Td>
                  {GRADES.map((g) => (
                    <Table.Td key={g} ta="right">
                      {r[g]}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('overview.lists.title')}
          </Text>
          <Stack gap={6}>
            {data.lists.map((l) => (
              <Group key={l.list} justify="space-between" wrap="nowrap" data-testid={`overview-list-${l.list}`}>
                <Text size="sm">{t(`overview.lists.${l.list}`)}</Text>
                <Group gap={6} wrap="nowrap">
                  {l.proposed > 0 && (
                    <Badge color="yellow" variant="light" size="sm" tt="none" style={{ flexShrink: 0 }}>
                      {t('overview.lists.proposed', { n: l.proposed })}
                    </Badge>
                  )}
                  <Text fw={700}>{l.inForce}</Text>
                </Group>
              </Group>
            ))}
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('overview.cases.title')}
          </Text>
          <Stack gap={6}>
            {CASE_STATES.filter((s) => (data.cases[s] ?? 0) > 0).map((s) => (
              <Figure key={s} label={t(`overview.cases.${s}`)} value={data.cases[s] ?? 0} testId={`overview-case-${s}`} color={s === 'key_monitoring' ? 'red' : undefined} />
            ))}
            {CASE_STATES.every((s) => !data.cases[s]) && (
              <Text size="sm" c="dimmed">
                {t('overview.cases.none')}
              </Text>
            )}
          </Stack>
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('overview.inspections.title')}
          </Text>
          <Stack gap={6}>
            <Figure label={t('overview.inspections.planned')} value={data.inspections.planned} />
            <Figure label={t('overview.inspections.overdue')} value={data.inspections.overdue} color={data.inspections.overdue > 0 ? 'red' : undefined} testId="overview-inspections-overdue" />
            <Figure label={t('overview.inspections.doneThisYear')} value={data.inspections.doneThisYear} />
          </Stack>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Text fw={600} mb="sm">
          {t('overview.trend.title')}
        </Text>
        <BarChart
          h={220}
          data={trend}
          dataKey="month"
          withLegend
          // Counts: whole numbers on the axis.
          yAxisProps={{ allowDecimals: false }}
          series={[
            { name: 'cases', label: t('overview.trend.cases'), color: 'orange.6' },
            { name: 'penalties', label: t('overview.trend.penalties'), color: 'red.6' },
            { name: 'inspections', label: t('overview.trend.inspections'), color: 'teal.6' },
            { name: 'listed', label: t('overview.trend.listed'), color: 'blue.6' },
          ]}
        />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <Card withBorder style={{ gridColumn: 'span 2' }}>
          <Text fw={600} mb="xs">
            {t('overview.deadlines.title')}
          </Text>
          {data.deadlines.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('overview.deadlines.none')}
            </Text>
          ) : (
            <Table data-testid="overview-deadlines" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('overview.deadlines.dueOn')}</Table.Th>
                  <Table.Th>{t('overview.deadlines.what')}</Table.Th>
                  <Table.Th>{t('overview.deadlines.subject')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.deadlines.map((d, i) => (
                  <Table.Tr key={`${d.kind}-${i}`}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(d.dueOn)}
                        </Text>
                        {d.overdue && (
                          <Badge color="red" size="sm">
                            {t('overview.deadlines.overdue')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {d.what ? t('common.labelValue', { label: t(`overview.deadlines.${d.kind}`), value: d.kind === 'listEnd' ? t(`overview.lists.${d.what}`) : d.what }) : t(`overview.deadlines.${d.kind}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.subject}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
        <Card withBorder>
          <Text fw={600} mb="xs">
            {t('overview.lastRun.title')}
          </Text>
          {data.lastRun ? (
            <Stack gap={6}>
              <Text size="xs" c="dimmed">
                {t('overview.lastRun.at', { at: formatDateTime(data.lastRun.at) })}
              </Text>
              {Object.entries(data.lastRun.counts).map(([kind, byGrade]) => (
                <Group key={kind} justify="space-between" wrap="nowrap">
                  <Text size="sm">{t(`overview.lastRun.subjects.${kind}`, { defaultValue: kind })}</Text>
                  <Group gap={4} wrap="nowrap">
                    {GRADES.map((g) => (
                      <Badge key={g} color={GRADE_COLOR[g]} variant="light" size="sm">
                        {g} {byGrade[g]}
                      </Badge>
                    ))}
                  </Group>
                </Group>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('overview.lastRun.none')}
            </Text>
          )}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
