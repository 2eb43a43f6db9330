// Report verification (runs in the DOM): drop or choose a report PDF; the core checks its SHA-256
// against the register of issued files and the signature over the embedded snapshot, and the
// answer is shown by VerifyResult. Any school role may verify.
import { useState } from 'react';
import { Alert, Loader, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../../../shared/api/routes/reports';
import { useAction } from '../../app/useAction';
import { MAX_FILE_BYTES, readBase64 } from '../../components/files';
import { FileDrop } from '../../components/FileDrop';
import { VerifyResult } from './VerifyResult';

export function VerifyPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const verify = useAction('reports.verify');
  const [checked, setChecked] = useState<{ fileName: string; result: Verification } | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const check = async (file: File): Promise<void> => {
    setChecked(null);
    verify.clear();
    // A PDF is named by its content in the core; here only a file that cannot be one is refused
    // (some systems give a PDF no type, so the name counts too).
    const pdfLike = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
    if (!pdfLike || file.size > MAX_FILE_BYTES) {
      setFileError(t('reports.verify.notPdf', { name: file.name }));
      return;
    }
    setFileError(null);
    setPending(file.name);
    const result = await verify.run({ fileName: file.name, dataBase64: await readBase64(file) });
    setPending(null);
    if (result) setChecked({ fileName: file.name, result });
  };

  return (
    <Stack>
      <Text size="sm">{t('reports.verify.intro')}</Text>
      <FileDrop
        accept="application/pdf,.pdf"
        prompt={t('reports.verify.drop')}
        or={t('reports.verify.or')}
        choose={t('reports.verify.choose')}
        disabled={pending !== null}
        onFiles={([f]) => {
          if (f) void check(f);
        }}
        testId="verify-drop"
      />
      {pending && (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{t('reports.verify.checking', { name: pending })}</Text>
        </Group>
      )}
      {(fileError ?? verify.error) && <Alert color="red">{fileError ?? verify.error}</Alert>}
      {checked && <VerifyResult fileName={checked.fileName} result={checked.result} />}
    </Stack>
  );
}
