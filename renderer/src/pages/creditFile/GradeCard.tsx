// The score and grade of a credit file with the reason the rules give (DOM): the threshold reached,
// the one it fell below, or the serious breach that made it D whatever the score.
import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { GRADE_COLOR } from '../../components/GradeExplanation';

export type GradeView = RouteOutput<'creditFile.teacher'>['grade'];


export function becauseText(t: TFunction, g: GradeView): string {
  switch (g.because.key) {
    case 'threshold':
      return t('creditFile.because.threshold', { score: g.score, min: g.because.min, grade: g.grade });
    case 'belowAll':
      return t('creditFile.because.belowAll', { score: g.score, min: g.because.min });
    case 'severe':
      return t('creditFile.because.severe', { ids: g.because.recordIds.map((id) => `#${id}`).join(', ') });
  }
}

export function GradeCard({ grade }: { grade: GradeView }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" data-testid="grade-card">
      <Group align="center" gap="xl" wrap="nowrap">
        <Stack gap={0} align="center">
          <Text size="sm" c="dimmed">
            {t('creditFile.score')}
          </Text>
          <Text fz={36} fw={700} lh={1.1} data-testid="score">
            {grade.score}
          </Text>
        </Stack>
        <Stack gap={0} align="center">
          <Text size="sm" c="dimmed">
            {t('creditFile.grade')}
          </Text>
          <Text fz={36} fw={700} lh={1.1} c={`${GRADE_COLOR[grade.grade]}.7`} data-testid="grade">
            {grade.grade}
          </Text>
        </Stack>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={500} data-testid="grade-because">
            {becauseText(t, grade)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('creditFile.base')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
