// 数据导入 (DOM, administrator and clerk): download a template, choose an .xlsx or .csv, check it
// (a preview with progress that can be cancelled), read every problem, then import all or nothing.
// The commit stays disabled while the preview lists any problem; a file with a header and no data
// is shown as "nothing to import", without counts or a commit.
import { useState } from 'react';
import { Alert, Button, Card, FileInput, Group, Progress, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouteOutput } from '../../../../shared/api/contract';
import { describeNothingToImport, isNothingToImport } from '../../../../shared/api/importMessages';
import { IMPORT_KINDS } from '../../../../shared/api/routes/import';
import { useAction } from '../../app/useAction';
import { currentLang, errorText } from '../../i18n';
import { downloadFile, MAX_FILE_BYTES, readBase64 } from '../../components/files';
import { formatBytes, formatCount, formatList } from '../../components/format';
import { ProblemTable } from './ProblemTable';
import { ListExport } from '../../components/ListExport';
import { usePreviewJob, type Progress as JobProgress } from './usePreviewJob';

type Kind = (typeof IMPORT_KINDS)[number];

function ProgressBar({ progress, onCancel }: { progress: JobProgress | null; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  // Without progress (the first poll has not answered, or the core cannot name the job) the bar just moves.
  const label = !progress
    ? t('import.phase.working')
    : progress.phase === 'checking'
      ? t('import.phase.checking', { done: formatCount(progress.done), total: formatCount(progress.total) })
      : t(`import.phase.${progress.phase}`);
  return (
    <Card withBorder data-testid="import-progress">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text size="sm">{label}</Text>
          <Button size="xs" variant="light" color="red" onClick={onCancel} data-testid="import-cancel">
            {t('import.cancel')}
          </Button>
        </Group>
        <Progress value={pct ?? 100} animated striped={pct === null} size="lg" />
      </Stack>
    </Card>
  );
}

function Counts({ preview }: { preview: RouteOutput<'import.preview'> }): React.JSX.Element {
  const { t } = useTranslation();
  const cell = (label: string, n: number, testId: string): React.JSX.Element => (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={24} fw={700}>
        {formatCount(n)}
      </Text>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }}>
      {cell(t('import.rowsLabel'), preview.rows, 'import-rows')}
      {cell(t('import.toInsert'), preview.toInsert, 'import-insert')}
      {cell(t('import.toUpdate'), preview.toUpdate, 'import-update')}
      {cell(t('import.unchanged'), preview.unchanged, 'import-unchanged')}
    </SimpleGrid>
  );
}

export function ImportPage(): React.JSX.Element {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('teachers');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const job = usePreviewJob();
  const template = useAction('import.template');
  const commit = useAction('import.commit');
  const [done, setDone] = useState<RouteOutput<'import.commit'> | null>(null);

  const resetAll = (): void => {
    job.reset();
    commit.clear();
    setDone(null);
  };

  const check = async (): Promise<void> => {
    if (!file) return;
    resetAll();
    if (file.size > MAX_FILE_BYTES) {
      setFileError(t('import.tooBig'));
      return;
    }
    await job.start({ kind, fileName: file.name, dataBase64: await readBase64(file) });
  };

  const state = job.state;
  const preview = state.step === 'previewed' ? state.preview : null;
  const blocked = !preview || preview.problems.length > 0 || preview.moreProblems > 0;

  return (
    <Stack>
      <Title order={2}>{t('import.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('import.allOrNothing')}
      </Text>
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('import.kind')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(IMPORT_KINDS.find((k) => k === v) ?? 'teachers');
              resetAll();
            }}
            data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
            data-testid="import-kind"
          />
        </Stack>
        <Button
          variant="default"
          loading={template.busy}
          onClick={async () => {
            const f = await template.run({ kind });
            if (f) downloadFile(f);
          }}
          data-testid="import-template"
        >
          {t('import.template')}
        </Button>
      </Group>
      {template.error && <Alert color="red">{template.error}</Alert>}
      <Group align="flex-end">
        <FileInput
          label={t('import.file')}
          description={t('import.fileHint')}
          placeholder={t('import.chooseFirst')}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            setFileError(null);
            resetAll();
          }}
          error={fileError}
          clearable
          w={420}
          data-testid="import-file"
        />
        <Button onClick={() => void check()} disabled={!file || state.step === 'checking'} data-testid="import-check">
          {t('import.preview')}
        </Button>
        {file && (
          <Text size="sm" c="dimmed" pb={8}>
            {formatBytes(file.size)}
          </Text>
        )}
      </Group>
      {state.step === 'checking' && <ProgressBar progress={state.progress} onCancel={() => void job.cancel()} />}
      {state.step === 'cancelled' && <Alert color="gray">{t('import.cancelled')}</Alert>}
      {state.step === 'failed' && <Alert color="red">{errorText(state.error)}</Alert>}
      {preview && isNothingToImport(preview) && (
        <Alert color="yellow" data-testid="import-nothing">
          {describeNothingToImport(preview, currentLang())}
        </Alert>
      )}
      {preview && !isNothingToImport(preview) && (
        <Stack>
          <Counts preview={preview} />
          {preview.encoding && (
            <Text size="xs" c="dimmed">
              {t('import.encoding', { enc: t(`import.encodings.${preview.encoding}`, { defaultValue: preview.encoding.toUpperCase() }) })}
            </Text>
          )}
          {preview.ignoredColumns.length > 0 && (
            <Alert color="yellow" variant="light" data-testid="import-ignored">
              {t('import.ignoredColumns', { cols: formatList(preview.ignoredColumns) })}
            </Alert>
          )}
          {preview.problems.length > 0 ? (
            <>
              <Alert color="red" variant="light" data-testid="import-problem-count">
                {t('import.problemsBlocked', { count: formatCount(preview.problems.length + preview.moreProblems) })}
              </Alert>
              <ProblemTable problems={preview.problems} />
              <Group justify="space-between">
                <Text size="sm">{preview.moreProblems > 0 ? t('import.moreProblems', { count: preview.moreProblems }) : ''}</Text>
                {/* Every problem, the ones beyond the list too, to correct the file from. */}
                <ListExport route="import.exportProblems" filter={{ jobId: preview.jobId }} testId="import-problems-export" />
              </Group>
            </>
          ) : (
            <Alert color="teal" variant="light" data-testid="import-ok">
              {t('import.noProblems')}
            </Alert>
          )}
          {commit.error && <Alert color="red">{commit.error}</Alert>}
          {done ? (
            <Alert color="teal" data-testid="import-done">
              {t('import.committed', done)}
            </Alert>
          ) : (
            <Group>
              <Button
                disabled={blocked}
                loading={commit.busy}
                onClick={async () => {
                  const r = await commit.run({ jobId: preview.jobId });
                  if (r) {
                    setDone(r);
                    notifications.show({ color: 'teal', message: t('import.committed', r) });
                  }
                }}
                data-testid="import-commit"
              >
                {t('import.commit')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
