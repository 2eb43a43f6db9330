// Recording a result and cancelling an inspection (DOM). A result becomes a record in the
// institution's credit file, so the form says which catalogue item and points it brings, and the
// grade before and after is shown once it is recorded.
import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { CANCEL_REASON_MAX, INSPECTION_RESULTS, type InspectionResult } from '../../../../shared/api/routes/inspections';
import { useAction } from '../../app/useAction';
import { DateField } from '../../components/DateField';
import { todayIso } from '../../components/format';
import { ReasonForm } from '../../components/ReasonForm';
import type { Inspection } from './inspectionText';

export function RecordModal({ row, onClose, onDone }: { row: Inspection | null; onClose(): void; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('inspections.record.title', { name: row.institutionName }) : ''} size="lg">
      {row && <RecordForm key={row.id} row={row} onDone={onDone} />}
    </Modal>
  );
}

function RecordForm({ row, onDone }: { row: Inspection; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [result, setResult] = useState<InspectionResult>('pass');
  const [findings, setFindings] = useState('');
  const [doneOn, setDoneOn] = useState(todayIso());
  const record = useAction('inspections.record');
  return (
    <Stack>
      <Radio.Group label={t('inspections.record.result')} value={result} onChange={(v) => setResult(v as InspectionResult)}>
        <Stack gap={6} mt={6}>
          {INSPECTION_RESULTS.map((r) => (
            <Radio key={r} value={r} data-testid={`record-result-${r}`} label={t('common.withNote', { text: t(`inspections.results.${r}`), note: t(`inspections.resultPoints.${r}`) })} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('inspections.record.findings')}
        placeholder={t('inspections.record.findingsPlaceholder')}
        autosize
        minRows={3}
        value={findings}
        onChange={(e) => setFindings(e.currentTarget.value)}
        data-testid="record-findings"
      />
      <DateField label={t('inspections.record.doneOn')} value={doneOn} onChange={setDoneOn} max={todayIso()} testId="record-done-on" />
      {record.error && <Alert color="red">{record.error}</Alert>}
      <Group justify="flex-end">
        <Button
          disabled={!findings.trim() || !doneOn}
          loading={record.busy}
          data-testid="record-submit"
          onClick={() =>
            void record.run({ id: row.id, result, findings, doneOn }).then((r) => {
              if (!r) return;
              notifications.show({ color: 'teal', message: t('inspections.record.done', { name: row.institutionName, before: r.gradeBefore, after: r.gradeAfter }) });
              onDone();
            })
          }
        >
          {t('inspections.record.submit')}
        </Button>
      </Group>
    </Stack>
  );
}

export function CancelModal({ row, onClose, onDone }: { row: Inspection | null; onClose(): void; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('inspections.cancel.title', { name: row.institutionName }) : ''}>
      {row && <CancelForm key={row.id} row={row} onDone={onDone} onClose={onClose} />}
    </Modal>
  );
}

function CancelForm({ row, onDone, onClose }: { row: Inspection; onDone(): void; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const cancel = useAction('inspections.cancel');
  return (
    <ReasonForm
      label={t('inspections.cancel.reason')}
      submitLabel={t('inspections.cancel.submit')}
      color="red"
      max={CANCEL_REASON_MAX}
      busy={cancel.busy}
      error={cancel.apiError}
      testId="cancel"
      onCancel={onClose}
      onSubmit={(reason) =>
        void cancel.run({ id: row.id, reason }).then((r) => {
          if (!r) return;
          notifications.show({ color: 'teal', message: t('inspections.cancel.done') });
          onDone();
        })
      }
    >
      <Text size="sm">{row.planTitle ?? t('inspections.list.noPlan')}</Text>
    </ReasonForm>
  );
}
