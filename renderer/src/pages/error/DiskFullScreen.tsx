// Shown when a change could not be saved because the disk is full (DOM). The data is intact; the
// user frees space and goes back to where they were.
import { useState } from 'react';
import { Alert, Button, Code, Container, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api/errors';

export function DiskFullScreen({ error, onRetry }: { error: ApiError; onRetry(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `EduCredit ${error.code}${error.detail ? `: ${error.detail}` : ''}`;
  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="xl">
        <Stack>
          <Title order={2}>{t('error.diskFullTitle')}</Title>
          <Alert color="red">{t('error.diskFull')}</Alert>
          <Code block>{text}</Code>
          <Group>
            <Button variant="default" onClick={() => void navigator.clipboard.writeText(text).then(() => setCopied(true))}>
              {copied ? t('common.copied') : t('common.copyError')}
            </Button>
            <Button onClick={onRetry}>{t('error.diskFullBack')}</Button>
          </Group>
        </Stack>
      </Paper>
    </Container>
  );
}
