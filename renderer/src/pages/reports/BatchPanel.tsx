// Batch reports (runs in the DOM): a year and a folder on this computer, then a progress bar while
// the core writes one PDF per active teacher, a cancel button, and what came of it, with how many
// reports were already issued and only saved again. The folder is typed as a path; in Electron a
// folder picker could take its place later.
import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ERROR_CODES, type ErrorCode } from '../../../../shared/api/errors';
import { errorText } from '../../i18n';
import { formatCount } from '../../components/format';
import { useBatchJob, type BatchJob } from './useBatchJob';

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
        <TextInput
          label={t('reports.batch.folder')}
          description={t('reports.batch.folderHint')}
          style={{ flex: '1 1 360px' }}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          disabled={running}
          data-testid="batch-folder"
        />
      </Group>
      <Group>
        <Button onClick={() => void batch.start({ year, folder })} loading={batch.starting} disabled={running || folder.trim() === ''} data-testid="batch-start">
          {t('reports.batch.start')}
        </Button>
        {running && (
          <Button variant="default" color="red" onClick={() => void batch.cancel()} loading={batch.cancelling} data-testid="batch-cancel">
            {t('reports.batch.cancel')}
          </Button>
        )}
      </Group>
      {batch.job && <BatchProgress job={batch.job} />}
      {batch.error && <Alert color="red">{batch.error}</Alert>}
    </Stack>
  );
}

function BatchProgress({ job }: { job: BatchJob }): React.JSX.Element {
  const { t } = useTranslation();
  const values = { done: formatCount(job.done), total: formatCount(job.total), folder: job.folder };
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
      <Text size="sm">{t(`reports.batch.${job.phase}`, { ...values, error })}</Text>
      {job.existing > 0 && (
        <Text size="sm" mt={4} data-testid="batch-existing">
          {t('reports.batch.existing', { existing: formatCount(job.existing) })}
        </Text>
      )}
    </Alert>
  );
}
