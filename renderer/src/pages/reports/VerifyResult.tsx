// The answer of a verification (runs in the DOM): the status large and in its colour (green
// confirmed, orange unconfirmed, grey superseded, red tampered or not ours), the reason in the reader's
// language (shared/api/reportMessages.ts, the same words the CLI prints), then the report number,
// the teacher, the confirmation and the file's SHA-256.
import { Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { verificationReason, verificationStatus } from '../../../../shared/api/reportMessages';
import type { Verification } from '../../../../shared/api/routes/reports';
import { currentLang } from '../../i18n';
import { confirmationLine } from './reportText';

export const VERIFY_COLOR: Record<Verification['status'], string> = { confirmed: 'green', unconfirmed: 'orange', superseded: 'gray', tampered: 'red', foreign: 'red' };

export function VerifyResult({ fileName, result }: { fileName: string; result: Verification }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const color = VERIFY_COLOR[result.status];
  const rows: [string, React.ReactNode][] = [
    [t('reports.verify.file'), fileName],
    [t('reports.verify.number'), result.number ?? '—'],
    [t('reports.verify.teacher'), result.teacherName ?? '—'],
    // A copy from before the signature names the confirmation of its report, not its own.
    [t(result.reason === 'signedVersionExists' ? 'reports.verify.confirmedVersion' : 'reports.verify.confirmation'), confirmationLine(t, result.confirmation) ?? '—'],
  ];
  if (result.confirmation?.keyFingerprint) rows.push([t('reports.verify.fingerprint'), <Mono key="fp">{result.confirmation.keyFingerprint}</Mono>]);
  rows.push([t('reports.verify.sha256'), <Mono key="sha">{result.fileSha256}</Mono>]);
  if (result.snapshotHash) rows.push([t('reports.verify.snapshot'), <Mono key="snap">{result.snapshotHash}</Mono>]);

  return (
    <Card withBorder padding="lg" style={{ borderColor: `var(--mantine-color-${color}-6)`, borderWidth: 2 }} data-testid="verify-result" data-status={result.status}>
      <Stack gap="sm">
        <Text fz={40} fw={800} lh={1.1} c={`${color}.7`} data-testid="verify-status">
          {headline(verificationStatus(result, lang))}
        </Text>
        <Text size="md" data-testid="verify-reason">
          {verificationReason(result, lang)}
        </Text>
        <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={190} style={{ verticalAlign: 'top', fontWeight: 500, color: 'var(--mantine-color-dimmed)' }}>
                  {label}
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Card>
  );
}

/** The shared words are lower case for the CLI's sentences; as a headline, English starts with a capital. */
function headline(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function Mono({ children }: { children: string }): React.JSX.Element {
  return (
    <Text span size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {children}
    </Text>
  );
}
