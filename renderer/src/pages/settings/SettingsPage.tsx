// Settings (DOM): language, backup folder, retention and idle lock for admins; backups with
// restore; and every user's own password change.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Group, Modal, NumberInput, SegmentedControl, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ADMINS } from '../../../../shared/domain/roles';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { currentLang, formatDateTime, setLang } from '../../i18n';
import { PasswordChangeForm } from '../../components/PasswordChangeForm';
import { desktopShell } from '../../api/shell';
import { FolderField } from '../../components/FolderField';
import { formErrors } from '../../components/fieldErrors';
import { downloadFile } from '../../components/files';
import { formatBytes } from '../../components/format';

/** The last part of a path, on any system's separators. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function ChangePassword(): React.JSX.Element {
  const { t } = useTranslation();
  const { refreshMe } = useSession();
  return (
    <Card withBorder>
      <Stack>
        <Text fw={600}>{t('settings.changePassword')}</Text>
        <PasswordChangeForm
          onChanged={async () => {
            notifications.show({ color: 'teal', message: t('settings.passwordChanged') });
            await refreshMe();
          }}
        />
      </Stack>
    </Card>
  );
}

function Backups({ onRestored }: { onRestored(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { data, error, reload } = useLoad('backup.list', {});
  const run = useAction('backup.run');
  const restore = useAction('backup.restore');
  const download = useAction('backup.download');
  const [confirming, setConfirming] = useState<{ file: string; createdAt: string } | null>(null);
  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between">
          <Text fw={600}>{t('settings.backups')}</Text>
          <Button
            loading={run.busy}
            onClick={async () => {
              if (await run.run({})) {
                notifications.show({ color: 'teal', message: t('settings.backupDone') });
                reload();
              }
            }}
          >
            {t('settings.runBackup')}
          </Button>
        </Group>
        {(error ?? run.error ?? restore.error ?? download.error) && <Alert color="red">{error ?? run.error ?? restore.error ?? download.error}</Alert>}
        {data && data.length === 0 && <Text c="dimmed">{t('settings.noBackups')}</Text>}
        {data && data.length > 0 && (
          <Table withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.createdAt')}</Table.Th>
                <Table.Th>{t('settings.file')}</Table.Th>
                <Table.Th>{t('settings.size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((b) => (
                <Table.Tr key={b.file}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(b.createdAt)}</Table.Td>
                  <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
                    {b.file}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(b.bytes)}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        loading={download.busy}
                        onClick={async () => {
                          const f = await download.run({ file: fileName(b.file) });
                          if (f) downloadFile(f);
                        }}
                        data-testid="backup-download"
                      >
                        {t('common.download')}
                      </Button>
                      <Button size="xs" variant="light" color="orange" onClick={() => setConfirming({ file: b.file, createdAt: b.createdAt })} data-testid="backup-restore">
                        {t('settings.restore')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('settings.restore')}>
        <Stack>
          {confirming && <Text data-testid="restore-confirm">{t('settings.restoreConfirm', { at: formatDateTime(confirming.createdAt), file: fileName(confirming.file) })}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={restore.busy}
              onClick={async () => {
                const r = confirming ? await restore.run({ file: confirming.file }) : null;
                setConfirming(null);
                if (r) {
                  notifications.show({ color: 'teal', message: t('settings.restored', { file: r.keptAside }), autoClose: false });
                  onRestored();
                }
              }}
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function InstallationSettings(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const bureau = me.org.mode === 'bureau';
  const { data, error } = useLoad('settings.get', {});
  const save = useAction('settings.update');
  const shell = desktopShell();
  const errors = formErrors(save.apiError, ['backupDir', 'backupKeep', 'idleLockMinutes']);
  const [form, setForm] = useState({ backupDir: '', backupKeep: 14, idleLockMinutes: 10, fourEyes: true });
  useEffect(() => {
    if (data) setForm({ backupDir: data.backupDir, backupKeep: data.backupKeep, idleLockMinutes: data.idleLockMinutes, fourEyes: data.fourEyes });
  }, [data]);
  return (
    <Card withBorder>
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        {shell ? (
          <FolderField shell={shell} label={t('settings.backupDir')} title={t('settings.backupDirTitle')} value={form.backupDir} onChange={(v) => setForm({ ...form, backupDir: v })} error={errors.fields.backupDir} testId="backup-dir" />
        ) : (
          <TextInput
            label={t('settings.backupDir')}
            description={t('settings.backupDirHint')}
            value={form.backupDir}
            onChange={(e) => setForm({ ...form, backupDir: e.currentTarget.value })}
            error={errors.fields.backupDir}
            data-testid="backup-dir"
          />
        )}
        <Group>
          <NumberInput label={t('settings.backupKeep')} min={1} max={365} value={form.backupKeep} onChange={(v) => setForm({ ...form, backupKeep: Number(v) || 1 })} w={200} />
          <NumberInput label={t('settings.idleLock')} min={1} max={240} value={form.idleLockMinutes} onChange={(v) => setForm({ ...form, idleLockMinutes: Number(v) || 1 })} w={200} />
        </Group>
        {bureau && (
          <Switch
            label={t('settings.fourEyes')}
            description={t('settings.fourEyesHint')}
            checked={form.fourEyes}
            onChange={(e) => {
              const fourEyes = e.currentTarget.checked;
              setForm((f) => ({ ...f, fourEyes }));
            }}
            data-testid="settings-four-eyes"
          />
        )}
        {errors.general && <Alert color="red">{errors.general}</Alert>}
        <Group justify="flex-end">
          <Button
            loading={save.busy}
            onClick={async () => {
              const { fourEyes, ...rest } = form;
              if (await save.run({ ...rest, ...(bureau ? { fourEyes } : {}), language: currentLang() })) notifications.show({ color: 'teal', message: t('common.saved') });
            }}
            data-testid="settings-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function SettingsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const isAdmin = ADMINS.includes(me.user.role);
  return (
    <Stack maw={900}>
      <Title order={2}>{isAdmin ? t('settings.title') : t('nav.ownSettings')}</Title>
      <Card withBorder>
        <Group>
          <Text fw={600}>{t('settings.language')}</Text>
          <SegmentedControl
            value={currentLang()}
            onChange={(v) => setLang(v === 'en' ? 'en' : 'zh-CN')}
            data={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Group>
      </Card>
      <ChangePassword />
      {isAdmin && <InstallationSettings />}
      {isAdmin && <Backups onRestored={() => logout('ended')} />}
    </Stack>
  );
}
