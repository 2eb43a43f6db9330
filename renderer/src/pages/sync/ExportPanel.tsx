// 导出数据包 (runs in the DOM): in the desktop app, a folder chosen in the system's dialog (a USB
// stick, a shared folder), then the files the core wrote there; in the web host, the bundles as a
// download (one .ecb, or a zip of several). Either way: new bundles and those sent again because
// the other side has not confirmed them yet.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { useAction } from '../../app/useAction';
import { formatBytes } from '../../components/format';
import { desktopShell } from '../../api/shell';
import { FolderField } from '../../components/FolderField';
import { formErrors } from '../../components/fieldErrors';
import { downloadFile } from '../../components/files';
import { partnerName } from './syncText';
import type { Partner } from './types';

type Exported = RouteOutput<'sync.export'>['files'];

export function ExportPanel({ partners, onChanged }: { partners: Partner[]; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const shell = desktopShell();
  const [folder, setFolder] = useState('');
  const toFolder = useAction('sync.export');
  const toDownload = useAction('sync.exportDownload');
  const exp = shell ? toFolder : toDownload;
  const errors = formErrors(exp.apiError, ['folder']);
  const [done, setDone] = useState<{ folder: string | null; files: Exported } | null>(null);

  const start = async (): Promise<void> => {
    setDone(null);
    if (shell) {
      const target = folder.trim();
      const r = await toFolder.run({ folder: target });
      onChanged();
      if (r) setDone({ folder: target, files: r.files });
      return;
    }
    const r = await toDownload.run({});
    onChanged();
    if (!r) return;
    if (r.download) downloadFile(r.download);
    setDone({ folder: null, files: r.files });
  };

  return (
    <Stack maw={960}>
      <Text size="sm">{t(shell ? 'sync.export.intro' : 'sync.export.introDownload')}</Text>
      {shell && (
        <Group maw={640}>
          <FolderField shell={shell} label={t('sync.export.folder')} title={t('sync.export.folderTitle')} value={folder} onChange={setFolder} error={errors.fields.folder} disabled={exp.busy} testId="sync-export-folder" />
        </Group>
      )}
      <Group>
        <Button onClick={() => void start()} loading={exp.busy} disabled={shell !== null && folder.trim() === ''} data-testid="sync-export-start">
          {t(shell ? 'sync.export.start' : 'sync.export.startDownload')}
        </Button>
        {exp.busy && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('sync.export.running')}</Text>
          </Group>
        )}
      </Group>
      {errors.general && (
        <Alert color="red" data-testid="sync-export-error">
          {errors.general}
        </Alert>
      )}
      {done && done.files.length === 0 && (
        <Alert color="blue" data-testid="sync-export-none">
          {t('sync.export.none')}
        </Alert>
      )}
      {done && done.files.length > 0 && (
        <Stack gap="xs" data-testid="sync-export-result">
          <Alert color="green" style={{ overflowWrap: 'anywhere' }}>
            {done.folder === null
              ? t('sync.export.downloaded', { count: done.files.length, n: done.files.length })
              : t('sync.export.done', { count: done.files.length, n: done.files.length, folder: done.folder })}
          </Alert>
          <ScrollArea type="auto">
            <Table striped verticalSpacing="xs" miw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.export.fileName')}</Table.Th>
                  <Table.Th>{t('sync.export.recipient')}</Table.Th>
                  <Table.Th>{t('sync.export.sequence')}</Table.Th>
                  <Table.Th>{t('sync.export.size')}</Table.Th>
                  <Table.Th>{t('sync.export.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {done.files.map((f) => (
                  <Table.Tr key={f.fileName} data-testid="sync-export-file" data-file={f.fileName} data-new={f.isNew}>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {f.fileName}
                    </Table.Td>
                    <Table.Td>{partnerName(partners, f.recipient)}</Table.Td>
                    <Table.Td>{f.sequence}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(f.bytes)}</Table.Td>
                    <Table.Td>
                      <Badge color={f.isNew ? 'teal' : 'gray'} variant="light" tt="none">
                        {f.isNew ? t('sync.export.isNew') : t('sync.export.resent')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      )}
    </Stack>
  );
}
