// A record's evidence files (DOM): fetched with evidence.get only when asked for. Images open in a
// preview inside the app (the CSP allows blob: images, and Electron opens no new windows); PDFs and
// everything else are saved with a download.
import { useState } from 'react';
import { Anchor, Group, Image, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../shared/api/routes/credit';
import { call } from '../../api/client';
import { errorText } from '../../i18n';
import { downloadFile, fileBlob, type FileOut } from '../../components/files';
import { formatBytes } from '../../components/format';

/** The files of a record, or (`files`) those attached to its objection, which are read through the record. */
export function EvidenceLinks({ record, files = record.evidence }: { record: RecordView; files?: RecordView['evidence'] }): React.JSX.Element | null {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<{ file: FileOut; url: string } | null>(null);
  if (files.length === 0) return null;

  const fetchFile = async (sha256: string): Promise<FileOut | null> => {
    const r = await call('evidence.get', { recordId: record.id, sha256 });
    if (r.ok) return r.value;
    notifications.show({ color: 'red', message: errorText(r.error) });
    return null;
  };

  const open = async (sha256: string, mime: string): Promise<void> => {
    const file = await fetchFile(sha256);
    if (!file) return;
    if (mime.startsWith('image/')) setPreview({ file, url: URL.createObjectURL(fileBlob(file)) });
    else downloadFile(file);
  };

  const close = (): void => {
    if (preview) URL.revokeObjectURL(preview.url);
    setPreview(null);
  };

  return (
    <Stack gap={2}>
      {files.map((e) => (
        <Group key={e.sha256} gap="xs" wrap="nowrap">
          <Anchor size="sm" component="button" type="button" onClick={() => void open(e.sha256, e.mime)} data-testid="evidence-link">
            {e.fileName}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatBytes(e.bytes)}
          </Text>
          <Anchor
            size="xs"
            component="button"
            type="button"
            onClick={async () => {
              const f = await fetchFile(e.sha256);
              if (f) downloadFile(f);
            }}
          >
            {t('common.download')}
          </Anchor>
        </Group>
      ))}
      <Modal opened={preview !== null} onClose={close} title={preview?.file.fileName} size="xl">
        {preview && <Image src={preview.url} alt={preview.file.fileName} fit="contain" mah="75vh" />}
      </Modal>
    </Stack>
  );
}
