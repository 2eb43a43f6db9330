// The grading at a glance (DOM): subjects of each kind in each grade now, and a chart of how the
// grades moved over the recorded runs (@mantine/charts), for all subjects or one kind.
import { useState } from 'react';
import { Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { GradeCounts, GradingRunView } from '../../../../shared/api/routes/grading';
import { SUBJECT_KIND_NAMES, gradeLabel } from '../../../../shared/api/gradingMessages';
import { GRADES } from '../../../../shared/domain/creditRules';
import { SUPERVISED_KINDS, type SupervisedKind } from '../../../../shared/domain/supervision';
import { GRADE_COLOR, GradeBadge } from '../../components/GradeExplanation';
import { formatCount } from '../../components/format';
import { currentLang, formatDateTime } from '../../i18n';

function sum(byGrade: GradeCounts['teacher']): number {
  return byGrade.A + byGrade.B + byGrade.C + byGrade.D;
}

export function CountsTable({ counts }: { counts: GradeCounts }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const column = (g: (typeof GRADES)[number]): number => SUPERVISED_KINDS.reduce((n, k) => n + counts[k][g], 0);
  return (
    <Table withTableBorder striped data-testid="grading-counts">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('grading.counts.kind')}</Table.Th>
          {GRADES.map((g) => (
            <Table.Th key={g} ta="right">
              <GradeBadge grade={g} size="sm" />
            </Table.Th>
          ))}
          <Table.Th ta="right">{t('grading.counts.total')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SUPERVISED_KINDS.map((k) => (
          <Table.Tr key={k} data-kind={k}>
            <Table.Td>{SUBJECT_KIND_NAMES[lang][k]}</Table.Td>
            {GRADES.map((g) => (
              <Table.Td key={g} ta="right" data-grade={g}>
                {formatCount(counts[k][g])}
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={600}>
              {formatCount(sum(counts[k]))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('grading.counts.total')}</Table.Th>
          {GRADES.map((g) => (
            <Table.Th key={g} ta="right">
              {formatCount(column(g))}
            </Table.Th>
          ))}
          <Table.Th ta="right" data-testid="grading-total">
            {formatCount(GRADES.reduce((n, g) => n + column(g), 0))}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

export function TrendChart({ runs }: { runs: GradingRunView[] }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const [kind, setKind] = useState<SupervisedKind | 'all'>('all');
  const data = runs.map((r) => {
    const point: Record<string, string | number> = { run: formatDateTime(r.at) };
    for (const g of GRADES) point[g] = kind === 'all' ? SUPERVISED_KINDS.reduce((n, k) => n + r.counts[k][g], 0) : r.counts[kind][g];
    return point;
  });
  return (
    <Card withBorder data-testid="grading-trend">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <div>
          <Text fw={600}>{t('grading.trend.title')}</Text>
          <Text size="xs" c="dimmed">
            {t('grading.trend.hint')}
          </Text>
        </div>
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => setKind(v as SupervisedKind | 'all')}
          data={[{ value: 'all', label: t('grading.trend.allKinds') }, ...SUPERVISED_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_NAMES[lang][k] }))]}
          data-testid="trend-kind"
        />
      </Group>
      {runs.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          {t('grading.trend.empty')}
        </Text>
      ) : (
        <BarChart
          h={260}
          data={data}
          dataKey="run"
          type="stacked"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          maxBarWidth={56}
          // Counts of subjects: whole numbers on the axis, never 0.5.
          yAxisProps={{ allowDecimals: false }}
          series={GRADES.map((g) => ({ name: g, label: gradeLabel(g, lang), color: `${GRADE_COLOR[g]}.6` }))}
        />
      )}
    </Card>
  );
}

export function OverviewPanel({ counts, runs }: { counts: GradeCounts; runs: GradingRunView[] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Card withBorder>
        <Text fw={600} mb="xs">
          {t('grading.counts.title')}
        </Text>
        <CountsTable counts={counts} />
      </Card>
      <TrendChart runs={runs} />
    </Stack>
  );
}
