// The private-school negative-list workflow and its rectification notices (DOM).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function CasesPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('cases.title')}</Title>
    </Stack>
  );
}
