// The screen for data that cannot be opened (DOM): damaged, from a newer version, an unreadable key
// file, or a folder another EduCredit program is using. Plain words, a way to copy the error, and —
// for a damaged file only — a restore from a backup with an administrator's password or the
// recovery key.
import { useState } from 'react';
import { Alert, Button, Code, Container, Group, List, Paper, PasswordInput, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { formErrors } from '../../components/fieldErrors';
import { formatDateTime } from '../../i18n';

type Credentials = 'password' | 'recoveryKey';

function RestoreForm({ onRecovered }: { onRecovered(message: string): void }): React.JSX.Element {
  const { t } = useTranslation();
  const backups = useLoad('recovery.backups', {});
  const restore = useAction('recovery.restore');
  const [using, setUsing] = useState<Credentials>('password');
  const [form, setForm] = useState({ username: 'admin', password: '', recoveryKey: '', file: '' });
  const file = form.file || backups.data?.[0]?.file || '';
  const errors = formErrors(restore.apiError, ['file', 'username', 'password', 'recoveryKey']);
  const ready = file !== '' && (using === 'password' ? form.password !== '' : form.recoveryKey !== '');
  return (
    <Stack gap="xs">
      {backups.data && backups.data.length > 0 ? (
        <Select
          label={t('error.backupFile')}
          data={backups.data.map((b) => ({ value: b.file, label: `${formatDateTime(b.createdAt)} · ${b.file}` }))}
          value={file}
          onChange={(v) => setForm({ ...form, file: v ?? '' })}
          error={errors.fields.file}
          allowDeselect={false}
        />
      ) : (
        <TextInput
          label={t('error.backupFile')}
          description={t('error.backupPathHint')}
          value={form.file}
          onChange={(e) => setForm({ ...form, file: e.currentTarget.value })}
          error={errors.fields.file}
        />
      )}
      <SegmentedControl
        aria-label={t('error.restoreWith')}
        value={using}
        onChange={(v) => setUsing(v as Credentials)}
        data={[
          { value: 'password', label: t('error.withPassword') },
          { value: 'recoveryKey', label: t('error.withRecoveryKey') },
        ]}
      />
      {using === 'password' ? (
        <Group grow align="flex-start">
          <TextInput label={t('login.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={errors.fields.username} />
          <PasswordInput label={t('login.password')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} error={errors.fields.password} />
        </Group>
      ) : (
        <TextInput
          label={t('login.recoveryKey')}
          description={t('login.recoveryKeyHint')}
          ff="monospace"
          value={form.recoveryKey}
          onChange={(e) => setForm({ ...form, recoveryKey: e.currentTarget.value })}
          error={errors.fields.recoveryKey}
        />
      )}
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Group justify="flex-end">
        <Button
          color="orange"
          disabled={!ready}
          loading={restore.busy}
          onClick={async () => {
            const credentials = using === 'password' ? { username: form.username, password: form.password } : { recoveryKey: form.recoveryKey };
            const r = await restore.run({ file, ...credentials });
            if (r) onRecovered(t('error.restored', { file: r.keptAside }));
          }}
        >
          {t('error.restoreNow')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ErrorScreen({
  error,
  onRecovered,
  onRetry,
}: {
  error: { code: string; detail?: string | undefined };
  onRecovered(message: string): void;
  onRetry(): void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `EduCredit ${error.code}${error.detail ? `: ${error.detail}` : ''}`;
  const explanation =
    error.code === 'NEWER_VERSION'
      ? t('error.newer')
      : error.code === 'DISK_FULL'
        ? t('error.diskFull')
        : error.code === 'IN_USE'
          ? t('error.inUse')
          : error.code === 'KEY_UNAVAILABLE'
            ? t('error.keyUnavailable')
            : t('error.corrupt');
  // Only a damaged file is helped by a backup: a newer version needs a newer program, a missing
  // key file cannot be replaced by a backup of the DB, and a folder in use only needs the other
  // program closed.
  const restorable = error.code === 'CORRUPT';

  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="xl">
        <Stack>
          <Title order={2}>{error.code === 'IN_USE' ? t('error.inUseTitle') : t('error.title')}</Title>
          <Alert color={error.code === 'IN_USE' ? 'orange' : 'red'} data-testid="error-explanation">
            {explanation}
          </Alert>
          <Code block>{text}</Code>
          <Text fw={600}>{t('error.whatNow')}</Text>
          <List>
            {error.code === 'IN_USE' && <List.Item>{t('error.inUseHint')}</List.Item>}
            <List.Item>{t('error.copyHint')}</List.Item>
            {restorable && <List.Item>{t('error.restoreHint')}</List.Item>}
          </List>
          <Group>
            {error.code === 'IN_USE' && <Button onClick={onRetry}>{t('error.retry')}</Button>}
            <Button
              variant="default"
              onClick={() => {
                void navigator.clipboard.writeText(text).then(() => setCopied(true));
              }}
            >
              {copied ? t('common.copied') : t('common.copyError')}
            </Button>
          </Group>
          {restorable && <RestoreForm onRecovered={onRecovered} />}
        </Stack>
      </Paper>
    </Container>
  );
}
