// Credit grading of every subject under a versioned rule set (DOM).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function GradingPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('grading.title')}</Title>
    </Stack>
  );
}
