// The grading rule sets as people read them (DOM): for the chosen version, each grade with its
// score range, how often its subjects are inspected and how heavily a spot check draws them; the
// serious-breach rule; and the grade each list caps.
import { useState } from 'react';
import { Alert, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LIST_NAMES } from '../../../../shared/api/gradingMessages';
import { GRADES } from '../../../../shared/domain/creditRules';
import { LIST_KINDS } from '../../../../shared/domain/supervision';
import { useLoad } from '../../app/useLoad';
import { GradeBadge } from '../../components/GradeExplanation';
import { formatDate } from '../../components/format';
import { currentLang } from '../../i18n';

export function RulesPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const { data, error } = useLoad('grading.rules', {});
  const [chosen, setChosen] = useState<number | null>(null);
  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Loader />;
  const version = chosen ?? data.current;
  const rules = data.rules.find((r) => r.version === version) ?? data.rules[data.rules.length - 1]!;
  const rangeOf = (i: number): string => {
    const th = rules.thresholds;
    if (i === 0) return t('grading.rules.atLeast', { min: th[0]!.min });
    if (i < th.length) return t('grading.rules.range', { min: th[i]!.min, max: th[i - 1]!.min - 1 });
    return t('grading.rules.below', { min: th[th.length - 1]!.min });
  };
  return (
    <Stack data-testid="grading-rules" maw={980}>
      <Group align="flex-end">
        <Select
          label={t('grading.rules.version')}
          data={data.rules.map((r) => ({
            value: String(r.version),
            label: `${t('grading.rules.versionN', { v: r.version, from: formatDate(r.effectiveFrom) })}${r.version === data.current ? ` · ${t('grading.rules.current')}` : ''}`,
          }))}
          value={String(version)}
          onChange={(v) => v && setChosen(Number(v))}
          allowDeselect={false}
          w={340}
        />
      </Group>
      <Text size="sm">{t('grading.rules.intro', { base: rules.base })}</Text>
      <Table withTableBorder striped data-testid="rules-grades">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('grading.rules.grade')}</Table.Th>
            <Table.Th>{t('grading.rules.scoreRange')}</Table.Th>
            <Table.Th>{t('grading.rules.inspection')}</Table.Th>
            <Table.Th ta="right">{t('grading.rules.drawWeight')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {GRADES.map((g, i) => (
            <Table.Tr key={g} data-grade={g}>
              <Table.Td>
                <GradeBadge grade={g} />
              </Table.Td>
              <Table.Td>{rangeOf(i)}</Table.Td>
              <Table.Td>{t('grading.rules.everyMonths', { n: rules.inspectionMonths[g] })}</Table.Td>
              <Table.Td ta="right">×{rules.drawWeight[g]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Alert color="red" variant="light" data-testid="rules-severe">
        {t('grading.rules.severe', { points: Math.abs(rules.severePoints) })}
      </Alert>
      <Title order={5}>{t('grading.rules.caps')}</Title>
      <Table withTableBorder maw={560} data-testid="rules-caps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('grading.rules.list')}</Table.Th>
            <Table.Th>{t('grading.rules.cap')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {LIST_KINDS.flatMap((list) => {
            const cap = rules.listCaps[list];
            return cap ? [
              <Table.Tr key={list}>
                <Table.Td>{LIST_NAMES[lang][list]}</Table.Td>
                <Table.Td>
                  <GradeBadge grade={cap} size="sm" />
                </Table.Td>
              </Table.Tr>,
            ] : [];
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
