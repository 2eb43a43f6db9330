// 教师档案 (DOM, bureau staff): every teacher the schools sent, city-wide.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TeacherList } from './TeacherList';

export function SchoolTeachersPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('schoolTeachers.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('schoolTeachers.intro')}
      </Text>
      <TeacherList height="calc(100vh - 300px)" />
    </Stack>
  );
}
