// Decisions where credit counts: funding, honours, evaluations (DOM).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function DecisionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('decisions.title')}</Title>
    </Stack>
  );
}
