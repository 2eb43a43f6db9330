// The screen for data that cannot be opened (DOM): damaged, from a newer version, or an
// unreadable key file. Plain words, a way to copy the error, and a restore from a backup.
import { useState } from 'react';
import { Alert, Button, Code, Container, Group, List, Paper, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { formatDateTime } from '../../i18n';

export function ErrorScreen({ error, onRecovered }: { error: { code: string; detail?: string | undefined }; onRecovered(message: string): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const backups = useLoad('recovery.backups', {});
  const restore = useAction('recovery.restore');
  const [form, setForm] = useState({ username: 'admin', password: '', file: '' });
  const text = `EduCredit ${error.code}${error.detail ? `: ${error.detail}` : ''}`;
  const explanation = error.code === 'NEWER_VERSION' ? t('error.newer') : error.code === 'DISK_FULL' ? t('error.diskFull') : t('error.corrupt');
  const file = form.file || backups.data?.[0]?.file || '';

  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="xl">
        <Stack>
          <Title order={2}>{t('error.title')}</Title>
          <Alert color="red" data-testid="error-explanation">
            {explanation}
          </Alert>
          <Code block>{text}</Code>
          <Text fw={600}>{t('error.whatNow')}</Text>
          <List>
            <List.Item>{t('error.copyHint')}</List.Item>
            {error.code !== 'NEWER_VERSION' && <List.Item>{t('error.restoreHint')}</List.Item>}
          </List>
          <Group>
            <Button
              variant="default"
              onClick={() => {
                void navigator.clipboard.writeText(text).then(() => setCopied(true));
              }}
            >
              {copied ? t('common.copied') : t('common.copyError')}
            </Button>
          </Group>
          {error.code !== 'NEWER_VERSION' && (
            <Stack gap="xs">
              {backups.data && backups.data.length > 0 ? (
                <Select
                  label={t('error.backupFile')}
                  data={backups.data.map((b) => ({ value: b.file, label: `${formatDateTime(b.createdAt)} · ${b.file}` }))}
                  value={file}
                  onChange={(v) => setForm({ ...form, file: v ?? '' })}
                  allowDeselect={false}
                />
              ) : (
                <TextInput label={t('error.backupFile')} value={form.file} onChange={(e) => setForm({ ...form, file: e.currentTarget.value })} />
              )}
              <Group grow>
                <TextInput label={t('login.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} />
                <PasswordInput label={t('login.password')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} />
              </Group>
              {restore.error && <Alert color="red">{restore.error}</Alert>}
              <Group justify="flex-end">
                <Button
                  color="orange"
                  disabled={!file || !form.password}
                  loading={restore.busy}
                  onClick={async () => {
                    const r = await restore.run({ username: form.username, password: form.password, file });
                    if (r) onRecovered(t('error.restored', { file: r.keptAside }));
                  }}
                >
                  {t('error.restoreNow')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      </Paper>
    </Container>
  );
}
