// Inspections and spot checks, with the reproducible double-random draw (DOM).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function InspectionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('inspections.title')}</Title>
    </Stack>
  );
}
