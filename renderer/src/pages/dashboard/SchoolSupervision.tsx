// At a school, on the dashboard (DOM): what the bureau's last bundle said about the school's own
// supervision — its grade, the list entries naming it or its teachers, its negative-list cases.
import { Alert, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad';
import { GRADE_COLOR } from '../../components/GradeExplanation';
import { LIST_COLOR } from '../../components/ListBadges';
import { formatDate } from '../../components/format';

export function SchoolSupervision(): React.JSX.Element {
  const { t } = useTranslation();
  const { data, error } = useLoad('sync.supervision', {});
  if (error) return <Alert color="red">{error}</Alert>;
  return (
    <Card withBorder data-testid="school-supervision">
      <Group justify="space-between" mb="xs">
        <Text fw={600}>{t('overview.school.title')}</Text>
        {data && (
          <Text size="xs" c="dimmed">
            {t('overview.school.asOf', { date: formatDate(data.asOf) })}
          </Text>
        )}
      </Group>
      {!data ? (
        <Text size="sm" c="dimmed">
          {t('overview.school.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {data.grade && (
            <Group gap="sm">
              <Text size="sm">{t('overview.school.grade')}</Text>
              <Badge color={GRADE_COLOR[data.grade.grade]} size="lg" data-testid="school-grade">
                {t(`overview.grades.${data.grade.grade}`)}
              </Badge>
              <Text size="sm" c="dimmed">
                {t('overview.school.score', { score: data.grade.score })}
              </Text>
            </Group>
          )}
          <Text size="sm" fw={600}>
            {t('overview.school.lists')}
          </Text>
          {data.lists.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('overview.school.noLists')}
            </Text>
          ) : (
            data.lists.map((l, i) => (
              <Group key={i} gap="xs" wrap="nowrap">
                <Badge color={LIST_COLOR[l.list]} variant="light">
                  {t(`overview.lists.${l.list}`)}
                </Badge>
                <Text size="sm">
                  {l.subjectKind === 'teacher' ? `${t('overview.school.teacher')} ${l.subjectName}` : l.subjectName} · {formatDate(l.startOn)} – {formatDate(l.endOn)} · {l.reason}
                </Text>
              </Group>
            ))
          )}
          {data.cases.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                {t('overview.school.cases')}
              </Text>
              {data.cases.map((c) => (
                <Group key={c.number} gap="xs" wrap="nowrap">
                  <Badge variant="light">{t(`overview.cases.${c.state}`, { defaultValue: c.state })}</Badge>
                  <Text size="sm">
                    {c.number} · {c.matter}
                    {c.noticeDeadline ? ` · ${t('overview.school.deadline', { date: formatDate(c.noticeDeadline) })}` : ''}
                  </Text>
                </Group>
              ))}
            </>
          )}
        </Stack>
      )}
    </Card>
  );
}
