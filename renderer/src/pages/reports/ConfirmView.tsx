// The teacher's confirmation as a page of its own within 我的信用报告 (runs in the DOM): the form
// first, then the confirmed result, so the teacher sees the key fingerprint before going back. A
// page rather than a dialog: the summary, the note, the password and the signature pad together
// are taller than a laptop screen, and a page scrolls as people expect.
import { useState } from 'react';
import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportView } from '../../../../shared/api/routes/reports';
import type { FileOut } from '../../components/files';
import { ConfirmDone } from './ConfirmDone';
import { ConfirmForm } from './ConfirmForm';

interface Props {
  report: ReportView;
  onBack(): void;
  onConfirmed(): void;
  onOpenFile(): void;
}

export function ConfirmView({ report, onBack, onConfirmed, onOpenFile }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [done, setDone] = useState<{ report: ReportView; pdf: FileOut } | null>(null);
  return (
    <Stack maw={760}>
      <Group gap="sm">
        <Button variant="subtle" size="xs" onClick={onBack} data-testid="confirm-back">
          ← {t('reports.confirm.back')}
        </Button>
        <Title order={2}>{t('reports.confirm.title')}</Title>
      </Group>
      {done ? (
        <ConfirmDone report={done.report} pdf={done.pdf} onClose={onBack} />
      ) : (
        <ConfirmForm
          report={report}
          onCancel={onBack}
          onOpenFile={onOpenFile}
          onConfirmed={(out) => {
            setDone(out);
            onConfirmed();
          }}
        />
      )}
    </Stack>
  );
}
