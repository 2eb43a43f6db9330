// A grade and why (DOM): the badge of a credit grade, and the table of a grade's steps in words —
// base score, each record's points or why it does not count, the threshold reached or the serious
// breach, and any list cap — so every grade shown in the app explains itself the same way.
import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/creditRules';
import type { SubjectGrade } from '../../../shared/domain/grading';
import { EXPLANATION_WORDS, gradeLabel, stepPoints, stepText } from '../../../shared/api/gradingMessages';
import type { Lang } from '../../../shared/api/messages';
import { Points } from './Points';

export const GRADE_COLOR: Record<Grade, string> = { A: 'teal', B: 'blue', C: 'orange', D: 'red' };

function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export function GradeBadge({ grade, size = 'md' }: { grade: Grade; size?: 'xs' | 'sm' | 'md' | 'lg' | 'xl' }): React.JSX.Element {
  const lang = useLang();
  return (
    <Badge color={GRADE_COLOR[grade]} variant="filled" size={size} data-grade={grade} style={{ flexShrink: 0 }}>
      {gradeLabel(grade, lang)}
    </Badge>
  );
}

export interface GradeExplanationProps {
  grade: Pick<SubjectGrade, 'rulesVersion' | 'score' | 'grade' | 'steps'>;
  /** Catalogue item names by code, in the user's language; a code without a name is shown alone. */
  itemNames?: ReadonlyMap<string, string>;
}

export function GradeExplanation({ grade, itemNames }: GradeExplanationProps): React.JSX.Element {
  const lang = useLang();
  const words = EXPLANATION_WORDS[lang];
  return (
    <Table striped withTableBorder data-testid="grade-explanation">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{words.step}</Table.Th>
          <Table.Th w={150} ta="right">
            {words.points}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {grade.steps.map((step, i) => {
          const points = stepPoints(step);
          const decides = points === null;
          return (
            <Table.Tr key={i} data-step={step.key}>
              <Table.Td>
                <Text size="sm" fw={decides ? 600 : 400} {...(step.key === 'record' && !step.counted ? { c: 'dimmed' } : {})}>
                  {stepText(step, lang, itemNames, grade.rulesVersion)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                {step.key === 'base' ? (
                  <Text span fw={600}>
                    {step.points}
                  </Text>
                ) : points !== null ? (
                  <Points value={points} />
                ) : step.key === 'listCap' ? (
                  <GradeBadge grade={step.cap} size="sm" />
                ) : (
                  <GradeBadge grade={step.key === 'threshold' ? step.grade : 'D'} size="sm" />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>
            <Group gap="xs">
              <span>{words.total}</span>
              <Text span size="xs" c="dimmed" fw={400}>
                {words.rules.replace('{v}', String(grade.rulesVersion))}
              </Text>
            </Group>
          </Table.Th>
          <Table.Th ta="right">
            <Group gap={6} justify="flex-end" wrap="nowrap">
              <Text span fw={700} data-testid="grade-score">
                {grade.score}
              </Text>
              <GradeBadge grade={grade.grade} size="sm" />
            </Group>
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
