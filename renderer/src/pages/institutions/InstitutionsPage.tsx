// Registry of institutions: public schools, private schools, training institutions, their practitioners, annual reports, licences and penalties (DOM).
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function InstitutionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('institutions.title')}</Title>
    </Stack>
  );
}
