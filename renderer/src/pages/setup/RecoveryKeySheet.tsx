// The recovery key, shown once, with a printable sheet (DOM).
import { useState } from 'react';
import { Alert, Button, Checkbox, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import './print.css';

export function RecoveryKeySheet({ recoveryKey, orgName, onDone }: { recoveryKey: string; orgName: string; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [kept, setKept] = useState(false);
  const made = formatDateTime(new Date().toISOString());
  return (
    <Stack>
      <Alert color="orange" title={t('setup.keyTitle')}>
        {t('setup.keyWarning')}
      </Alert>
      <Paper withBorder p="lg" className="recovery-sheet">
        <Stack gap="xs">
          <Title order={3}>{t('setup.sheetTitle')}</Title>
          <Text>
            {t('setup.sheetOrg')}：{orgName}
          </Text>
          <Text>
            {t('setup.sheetDate')}：{made}
          </Text>
          <Code block fz={22} ta="center" data-testid="recovery-key">
            {recoveryKey}
          </Code>
          <Text size="sm">{t('setup.sheetKeep')}</Text>
        </Stack>
      </Paper>
      <Group className="no-print">
        <Button variant="default" onClick={() => window.print()}>
          {t('setup.print')}
        </Button>
      </Group>
      <Checkbox className="no-print" checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} label={t('setup.keyConfirm')} />
      <Group className="no-print" justify="flex-end">
        <Button disabled={!kept} onClick={onDone}>
          {t('setup.toLogin')}
        </Button>
      </Group>
    </Stack>
  );
}
