// Evidence files for a record (DOM): PDF, PNG or JPEG up to 20 MB each, read with FileReader into
// base64 for records.create / records.amend. Wrong types and sizes are named before anything is sent.
import { useState } from 'react';
import { FileInput, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_FILE_BYTES, readBase64 } from '../../components/files';
import { formatBytes } from '../../components/format';

export interface EvidenceFile {
  fileName: string;
  dataBase64: string;
  bytes: number;
}

const ACCEPT = ['application/pdf', 'image/png', 'image/jpeg'];
const MAX_FILES = 10;

export function EvidenceInput({ onChange, description }: { onChange(files: EvidenceFile[]): void; description?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<File[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);

  const choose = async (files: File[]): Promise<void> => {
    setChosen(files);
    const wrongType = files.find((f) => !ACCEPT.includes(f.type));
    const tooBig = files.find((f) => f.size > MAX_FILE_BYTES);
    if (wrongType || tooBig || files.length > MAX_FILES) {
      setError(wrongType ? t('records.evidenceType', { name: wrongType.name }) : tooBig ? t('records.evidenceTooBig', { name: tooBig.name }) : t('records.evidenceHint'));
      onChange([]);
      return;
    }
    setError(null);
    setReading(true);
    const read = await Promise.all(files.map(async (f) => ({ fileName: f.name, dataBase64: await readBase64(f), bytes: f.size })));
    setReading(false);
    onChange(read);
  };

  return (
    <Stack gap={4}>
      <FileInput
        label={t('records.evidence')}
        description={description ?? t('records.evidenceHint')}
        placeholder={t('records.chooseFiles')}
        multiple
        clearable
        accept={ACCEPT.join(',')}
        value={chosen}
        onChange={(files) => void choose(files)}
        error={error}
        disabled={reading}
        data-testid="evidence-input"
      />
      {chosen.length > 0 && !error && (
        <Stack gap={0}>
          {chosen.map((f) => (
            <Group key={f.name} gap="xs">
              <Text size="xs">{f.name}</Text>
              <Text size="xs" c="dimmed">
                {formatBytes(f.size)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
