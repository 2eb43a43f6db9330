// Red, black and white lists, the key supervision list and the key monitoring objects (DOM).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ListsPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('lists.title')}</Title>
    </Stack>
  );
}
