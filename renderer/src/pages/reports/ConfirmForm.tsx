// The teacher confirms their own report (runs in the DOM): the summary (grade and score), the PDF
// to read first, what confirming means, where to object instead, their login password (it unlocks
// their personal signing key in the core) and an optional drawn signature. A wrong password shows
// the error and changes nothing.
import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/api/routes/reports';
import type { FileOut } from '../../components/files';
import { useAction } from '../../app/useAction';
import { errorText } from '../../i18n';
import { PdfButton } from './PdfButton';
import { SignaturePad } from './SignaturePad';
import { gradeScore } from './reportText';

interface Props {
  report: ReportView;
  onConfirmed(out: { report: ReportView; pdf: FileOut }): void;
  onCancel(): void;
  onOpenFile(): void;
}

export function ConfirmForm({ report, onConfirmed, onCancel, onOpenFile }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [handwriting, setHandwriting] = useState<string | null>(null);
  const confirm = useAction('reports.confirm');

  const submit = async (): Promise<void> => {
    const out = await confirm.run({ reportId: report.id, password, ...(handwriting ? { handwriting } : {}) });
    if (out) onConfirmed(out);
    // The password is typed again after a failure, never kept; the drawing stays.
    else setPassword('');
  };

  const error = confirm.apiError ? errorText(confirm.apiError) : null;

  return (
    <form
      data-testid="confirm-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Card withBorder padding="md">
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('reports.confirm.summary', { number: report.number, year: report.year })}
              </Text>
              <Text fz={28} fw={700} lh={1.2} data-testid="confirm-grade">
                {gradeScore(t, report)}
              </Text>
            </Stack>
            <Stack gap={2} align="flex-end">
              <PdfButton reportId={report.id} label={t('reports.confirm.read')} size="sm" testId="confirm-read" />
              <Text size="xs" c="dimmed">
                {t('reports.confirm.readHint')}
              </Text>
            </Stack>
          </Group>
        </Card>
        <Alert color="blue" variant="light">
          {t('reports.confirm.meaning')}
        </Alert>
        <Text size="sm">
          {t('reports.confirm.disagree')}{' '}
          <Anchor component="button" type="button" size="sm" onClick={onOpenFile} data-testid="confirm-open-file">
            {t('reports.mine.openFile')}
          </Anchor>
        </Text>
        <PasswordInput
          label={t('reports.confirm.password')}
          description={t('reports.confirm.passwordHint')}
          required
          autoComplete="current-password"
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
            confirm.clear();
          }}
          data-testid="confirm-password"
        />
        <SignaturePad label={t('reports.confirm.handwriting')} hint={t('reports.confirm.handwritingHint')} clearLabel={t('reports.confirm.clear')} onChange={setHandwriting} />
        {error && (
          <Alert color="red" data-testid="confirm-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={confirm.busy} disabled={password === ''} data-testid="confirm-submit">
            {t('reports.confirm.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
