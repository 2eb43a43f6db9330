// The paper path (runs in the DOM): the teacher signed a printout by hand, and the school
// administrator records that with the scan of the signed page (PDF, PNG or JPEG). The core issues
// the confirmed PDF; this form only checks the file's type and size before sending it.
import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/api/routes/reports';
import { useAction } from '../../app/useAction';
import { MAX_FILE_BYTES, readBase64 } from '../../components/files';
import { formatBytes } from '../../components/format';

const ACCEPT = ['application/pdf', 'image/png', 'image/jpeg'];

interface Props {
  report: ReportView | null;
  onClose(): void;
  onDone(report: ReportView): void;
}

export function PaperConfirmModal({ report, onClose, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal opened={report !== null} onClose={onClose} title={t('reports.paper.title')} size="lg">
      {report && <PaperConfirmForm key={report.id} report={report} onCancel={onClose} onDone={onDone} />}
    </Modal>
  );
}

function PaperConfirmForm({ report, onCancel, onDone }: { report: ReportView; onCancel(): void; onDone(report: ReportView): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const confirm = useAction('reports.confirmPaper');

  const choose = (f: File | null): void => {
    setFile(f);
    confirm.clear();
    // The browser's type comes from the extension; the core checks the content again.
    if (f && !ACCEPT.includes(f.type)) setFileError(t('reports.paper.wrongType', { name: f.name }));
    else if (f && f.size > MAX_FILE_BYTES) setFileError(t('reports.paper.tooBig', { name: f.name }));
    else setFileError(null);
  };

  const submit = async (): Promise<void> => {
    if (!file || fileError) return;
    const out = await confirm.run({ reportId: report.id, scan: { fileName: file.name, dataBase64: await readBase64(file) } });
    if (!out) return;
    notifications.show({ color: 'green', message: t('reports.paper.done', { number: out.report.number }) });
    onDone(out.report);
  };

  return (
    <Stack>
      <Text size="sm">{t('reports.paper.intro', { number: report.number, teacher: report.teacherName })}</Text>
      <FileInput
        label={t('reports.paper.scan')}
        description={t('reports.paper.scanHint')}
        placeholder={t('reports.paper.choose')}
        accept={ACCEPT.join(',')}
        clearable
        value={file}
        onChange={choose}
        error={fileError}
        required
        data-testid="paper-scan"
      />
      {file && !fileError && (
        <Text size="xs" c="dimmed">
          {file.name} · {formatBytes(file.size)}
        </Text>
      )}
      {confirm.error && (
        <Alert color="red" data-testid="paper-error">
          {confirm.error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void submit()} loading={confirm.busy} disabled={!file || fileError !== null} data-testid="paper-submit">
          {t('reports.paper.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
