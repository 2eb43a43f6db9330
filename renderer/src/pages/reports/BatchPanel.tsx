// Batch reports (runs in the DOM): a year, and in the desktop app a folder chosen in the system's
// dialog; then a progress bar while the core makes one PDF per active teacher, a cancel button, and
// what came of it, with how many reports were already issued and only saved again. In the web host
// the reports are kept by the core and handed over as one zip download.
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ERROR_CODES, type ErrorCode } from '../../../../shared/api/errors';
import { errorText } from '../../i18n';
import { formatCount } from '../../components/format';
import { useBatchJob, type BatchJob } from './useBatchJob';
import { desktopShell } from '../../api/shell';
import { FolderField } from '../../components/FolderField';
import { formErrors } from '../../components/fieldErrors';
import { downloadFile } from '../../components/files';
import { useAction } from '../../app/useAction';

const THIS_YEAR = dayjs().year();

function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s);
}

export function BatchPanel({ onReportsChanged }: { onReportsChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [year, setYear] = useState<number>(THIS_YEAR);
  const [folder, setFolder] = useState('');
  const batch = useBatchJob(onReportsChanged);
  const running = batch.job?.phase === 'running';
  const shell = desktopShell();
  const errors = formErrors(batch.apiError, ['folder']);

  return (
    <Stack maw={720}>
      <Text size="sm">{t('reports.batch.intro')}</Text>
      <Group align="flex-start" gap="md" wrap="wrap">
        <NumberInput
          label={t('reports.batch.year')}
          w={120}
          min={2000}
          max={THIS_YEAR}
          allowDecimal={false}
          value={year}
          onChange={(v) => setYear(typeof v === 'number' ? v : Number(v) || THIS_YEAR)}
          disabled={running}
          data-testid="batch-year"
        />
        {shell ? (
          <FolderField shell={shell} label={t('reports.batch.folder')} title={t('reports.batch.folderTitle')} value={folder} onChange={setFolder} error={errors.fields.folder} disabled={running} testId="batch-folder" />
        ) : (
          <Text size="sm" c="dimmed" pt={28} style={{ flex: '1 1 360px' }}>
            {t('reports.batch.zipHint')}
          </Text>
        )}
      </Group>
      <Group>
        <Button
          onClick={() => void batch.start({ year, ...(shell ? { folder: folder.trim() } : {}) })}
          loading={batch.starting}
          disabled={running || (shell !== null && folder.trim() === '')}
          data-testid="batch-start"
        >
          {t('reports.batch.start')}
        </Button>
        {running && (
          <Button variant="default" color="red" onClick={() => void batch.cancel()} loading={batch.cancelling} data-testid="batch-cancel">
            {t('reports.batch.cancel')}
          </Button>
        )}
      </Group>
      {batch.job && <BatchProgress job={batch.job} />}
      {batch.job && batch.job.folder === null && batch.job.phase !== 'running' && batch.job.done > 0 && <ZipButton jobId={batch.job.jobId} />}
      {(errors.general ?? (errors.fields.folder && !shell ? errors.fields.folder : null)) && <Alert color="red">{errors.general ?? errors.fields.folder}</Alert>}
    </Stack>
  );
}

/** The reports a web batch kept, as one zip. */
function ZipButton({ jobId }: { jobId: string }): React.JSX.Element {
  const { t } = useTranslation();
  const archive = useAction('reports.batchArchive');
  return (
    <Group>
      <Button
        variant="light"
        loading={archive.busy}
        onClick={async () => {
          const file = await archive.run({ jobId });
          if (file) downloadFile(file);
        }}
        data-testid="batch-zip"
      >
        {t('reports.batch.downloadZip')}
      </Button>
      {archive.error && <Text c="red">{archive.error}</Text>}
    </Group>
  );
}

function BatchProgress({ job }: { job: BatchJob }): React.JSX.Element {
  const { t } = useTranslation();
  const values = { done: formatCount(job.done), total: formatCount(job.total), folder: job.folder ?? '' };
  if (job.phase === 'running') {
    return (
      <Stack gap={4} data-testid="batch-progress">
        <Progress value={job.total ? (job.done / job.total) * 100 : 0} size="lg" striped animated />
        <Text size="sm">{t('reports.batch.progress', values)}</Text>
      </Stack>
    );
  }
  const color = job.phase === 'done' ? 'green' : job.phase === 'cancelled' ? 'orange' : 'red';
  // job.error is an error code from the core, or the text of a failure it had no code for.
  const error = job.error ? (isErrorCode(job.error) ? errorText({ code: job.error }) : job.error) : '';
  return (
    <Alert color={color} data-testid="batch-result" data-phase={job.phase} data-existing={job.existing} style={{ overflowWrap: 'anywhere' }}>
      <Text size="sm">{t(`reports.batch.${job.phase}${job.folder === null && job.phase !== 'failed' ? 'Kept' : ''}`, { ...values, error })}</Text>
      {job.existing > 0 && (
        <Text size="sm" mt={4} data-testid="batch-existing">
          {t('reports.batch.existing', { existing: formatCount(job.existing) })}
        </Text>
      )}
    </Alert>
  );
}
