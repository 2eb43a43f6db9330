// What the teacher sees once their signature is made (runs in the DOM): 已确认, who signed and
// when, the fingerprint of the key that signed, and the confirmed PDF the core just issued.
import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/api/routes/reports';
import { downloadFile, type FileOut } from '../../components/files';
import { formatDateTime } from '../../i18n';

export function ConfirmDone({ report, pdf, onClose }: { report: ReportView; pdf: FileOut; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const c = report.confirmation;
  return (
    <Stack data-testid="confirm-done">
      <Card withBorder padding="lg" style={{ borderColor: 'var(--mantine-color-green-6)', borderWidth: 2 }}>
        <Stack gap="xs">
          <Text fz={36} fw={800} c="green.7" lh={1.1}>
            {t('reports.confirm.done')}
          </Text>
          {c && <Text>{t('reports.confirm.doneText', { number: report.number, signer: c.signer, date: formatDateTime(c.confirmedAt) })}</Text>}
          {c?.keyFingerprint && (
            <Text size="sm" ff="monospace" data-testid="confirm-fingerprint" style={{ overflowWrap: 'anywhere' }}>
              {t('reports.confirm.fingerprint', { fingerprint: c.keyFingerprint })}
            </Text>
          )}
        </Stack>
      </Card>
      <Group justify="flex-end">
        <Button variant="light" onClick={() => downloadFile(pdf)} data-testid="confirm-download">
          {t('reports.confirm.downloadConfirmed')}
        </Button>
        <Button onClick={onClose} data-testid="confirm-close">
          {t('reports.confirm.close')}
        </Button>
      </Group>
    </Stack>
  );
}
