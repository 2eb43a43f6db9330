// 负面清单 (DOM): the private-school negative-list cases, and one case's detail in place of the
// list (the Shell passes no props: the selected case is kept here).
import { useState } from 'react';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CaseDetail } from './CaseDetail';
import { CaseList } from './CaseList';

export function CasesPage(): React.JSX.Element {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<number | null>(null);
  return (
    <Stack>
      <Title order={2}>{t('cases.title')}</Title>
      {picked === null ? (
        <>
          <Text size="sm" c="dimmed" maw={900}>
            {t('cases.intro')}
          </Text>
          <CaseList onPick={setPicked} />
        </>
      ) : (
        <CaseDetail id={picked} onBack={() => setPicked(null)} />
      )}
    </Stack>
  );
}
