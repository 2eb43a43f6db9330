// Downloads a report's newest issued PDF (runs in the DOM). The CSP has no frame-src, so a blob:
// PDF cannot be previewed in an <iframe>, and Electron opens no new windows: the PDF is saved
// through a blob download and read in the computer's own PDF reader.
import { useState } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { downloadFile } from '../../components/files';
import { errorText } from '../../i18n';

/** Errors the App already announces or acts on (App.tsx onApiError): not shown twice. */
const ANNOUNCED = new Set(['INTERNAL', 'UNAUTHENTICATED', 'CORRUPT', 'NEWER_VERSION', 'DISK_FULL']);

interface Props extends ButtonProps {
  reportId: number;
  label?: string;
  testId?: string;
}

export function PdfButton({ reportId, label, testId = 'report-pdf', ...props }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="compact-sm"
      variant="light"
      {...props}
      loading={busy}
      data-testid={testId}
      onClick={async () => {
        setBusy(true);
        const r = await call('reports.pdf', { reportId });
        setBusy(false);
        // A button in a list has no form to hold an error, so a failure is a notification.
        if (r.ok) downloadFile(r.value);
        else if (!ANNOUNCED.has(r.error.code)) notifications.show({ color: 'red', message: errorText(r.error) });
      }}
    >
      {label ?? t('reports.downloadPdf')}
    </Button>
  );
}
