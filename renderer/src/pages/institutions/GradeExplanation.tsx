// A grade with every step that made it (DOM): the base, each record with its points (or why it
// does not count), the threshold reached, a serious breach, a list's cap; plus the small badges
// the list and the detail use for grades and lists.
import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BureauRecordView, GradeStepView } from '../../../../shared/api/routes/institutions';
import type { Grade } from '../../../../shared/domain/creditRules';
import { GRADE_COLOR } from '../../components/GradeExplanation';
import { Points } from '../../components/Points';
import { currentLang } from '../../i18n';


export function GradeBadge({ grade, score }: { grade: Grade; score?: number }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Badge color={GRADE_COLOR[grade]} variant="filled" data-grade={grade} title={t(`institutions.gradeName.${grade}`)} style={{ flexShrink: 0 }}>
      {grade}
      {score !== undefined ? ` · ${score}` : ''}
    </Badge>
  );
}

function stepText(t: ReturnType<typeof useTranslation>['t'], s: GradeStepView, records: readonly BureauRecordView[]): string {
  switch (s.key) {
    case 'base':
      return t('institutions.grade.base');
    case 'record': {
      const r = records.find((x) => x.id === s.recordId);
      const name = r ? (currentLang() === 'en' ? r.nameEn : r.nameZh) : '';
      const values = { id: s.recordId, code: s.code, name, status: t(`status.${s.status}`) };
      return s.counted ? t('institutions.grade.record', values) : t('institutions.grade.recordNotCounted', values);
    }
    case 'threshold':
      return t('institutions.grade.threshold', { score: s.score, min: s.min, grade: t(`institutions.gradeName.${s.grade}`) });
    case 'belowAll':
      return t('institutions.grade.belowAll', { score: s.score, min: s.min });
    case 'severe':
      return t('institutions.grade.severe', { ids: s.recordIds.map((id) => `#${id}`).join(', ') });
    case 'listCap':
      return t('institutions.grade.listCap', { list: t(`institutions.list.${s.list}`), cap: t(`institutions.gradeName.${s.cap}`) });
  }
}

export function GradeExplanation({ grade, records }: { grade: { rulesVersion: number; score: number; grade: Grade; steps: GradeStepView[] }; records: readonly BureauRecordView[] }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="grade-explanation">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={5}>{t('institutions.grade.title')}</Title>
            <Badge color={GRADE_COLOR[grade.grade]} size="lg" data-testid="detail-grade">
              {t(`institutions.gradeName.${grade.grade}`)}
            </Badge>
            <Text fw={700} data-testid="detail-score">
              {t('institutions.grade.total', { score: grade.score })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('institutions.grade.rules', { version: grade.rulesVersion })}
          </Text>
        </Group>
        <Table fz="sm" withRowBorders striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('institutions.grade.step')}</Table.Th>
              <Table.Th w={80} ta="right">
                {t('institutions.grade.points')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grade.steps.map((s, i) => (
              <Table.Tr key={i} data-step={s.key}>
                <Table.Td>{stepText(t, s, records)}</Table.Td>
                <Table.Td ta="right">{s.key === 'base' ? <Points value={s.points} /> : s.key === 'record' ? <Points value={s.points} strike={!s.counted} /> : ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}
