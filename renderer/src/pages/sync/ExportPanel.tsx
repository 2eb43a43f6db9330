// 导出数据包 (runs in the DOM): a folder on this computer, typed as a path (a USB stick, a shared
// folder), then the files the core wrote there: new bundles and those written again because the
// other side has not confirmed them yet.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, ScrollArea, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { useAction } from '../../app/useAction';
import { formatBytes } from '../../components/format';
import { partnerName } from './syncText';
import type { Partner } from './types';

type Exported = RouteOutput<'sync.export'>['files'];

export function ExportPanel({ partners, onChanged }: { partners: Partner[]; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const exp = useAction('sync.export');
  const [done, setDone] = useState<{ folder: string; files: Exported } | null>(null);

  const start = async (): Promise<void> => {
    setDone(null);
    const target = folder.trim();
    const r = await exp.run({ folder: target });
    onChanged();
    if (r) setDone({ folder: target, files: r.files });
  };

  return (
    <Stack maw={960}>
      <Text size="sm">{t('sync.export.intro')}</Text>
      <TextInput
        label={t('sync.export.folder')}
        description={t('sync.export.folderHint')}
        maw={640}
        value={folder}
        onChange={(e) => setFolder(e.currentTarget.value)}
        disabled={exp.busy}
        data-testid="sync-export-folder"
      />
      <Group>
        <Button onClick={() => void start()} loading={exp.busy} disabled={folder.trim() === ''} data-testid="sync-export-start">
          {t('sync.export.start')}
        </Button>
        {exp.busy && (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm">{t('sync.export.running')}</Text>
          </Group>
        )}
      </Group>
      {exp.error && (
        <Alert color="red" data-testid="sync-export-error">
          {exp.error}
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
            {t('sync.export.done', { count: done.files.length, n: done.files.length, folder: done.folder })}
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
