// A bureau subject's credit records (DOM) as a table with status, points and where each came
// from, and the form that adds one by hand: the catalogue items a person may choose for this
// subject, evidence where the item needs it.
import { useState } from 'react';
import { Alert, Badge, Button, FileInput, Group, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BureauRecordView } from '../../../../shared/api/routes/institutions';
import type { ApiError } from '../../../../shared/api/errors';
import { StatusBadge } from '../../components/StatusBadge';
import { Points } from '../../components/Points';
import { DateField } from '../../components/DateField';
import { formatDate, formatPoints, todayIso } from '../../components/format';
import { readBase64 } from '../../components/files';
import { useLoad } from '../../app/useLoad';
import { currentLang } from '../../i18n';
import { serverErrors } from './formErrors';

function sourceText(t: ReturnType<typeof useTranslation>['t'], r: BureauRecordView): string {
  if (r.source === 'manual') return t('institutions.record.sourceManual');
  const [kind, id] = r.source.split(':');
  if (kind === 'penalty') return `${t('institutions.record.sourcePenalty')} #${id}`;
  if (kind === 'licence') return `${t('institutions.record.sourceLicence')} #${id}`;
  return t('institutions.record.sourceOther', { source: r.source });
}

export function RecordsTable({ records, testId }: { records: readonly BureauRecordView[]; testId: string }): React.JSX.Element {
  const { t } = useTranslation();
  if (records.length === 0) return <Text c="dimmed">{t('institutions.record.none')}</Text>;
  return (
    <Table fz="sm" striped withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={60}>#</Table.Th>
          <Table.Th w={140}>{t('institutions.record.occurredOn')}</Table.Th>
          <Table.Th>{t('institutions.record.item')}</Table.Th>
          <Table.Th>{t('institutions.record.description')}</Table.Th>
          <Table.Th w={90}>{t('institutions.record.status')}</Table.Th>
          <Table.Th w={60} ta="right">
            {t('institutions.record.points')}
          </Table.Th>
          <Table.Th w={110}>{t('institutions.record.source')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {records.map((r) => (
          <Table.Tr key={r.id} data-code={r.code}>
            <Table.Td>{r.id}</Table.Td>
            <Table.Td>{formatDate(r.occurredOn)}</Table.Td>
            <Table.Td>
              <Text fz="sm" fw={500}>
                {r.code} {currentLang() === 'en' ? r.nameEn : r.nameZh}
              </Text>
              {r.supersedesId !== null && (
                <Text fz="xs" c="dimmed">
                  {t('institutions.record.amends', { id: r.supersedesId })}
                </Text>
              )}
              {r.supersededById !== null && (
                <Text fz="xs" c="dimmed">
                  {t('institutions.record.supersededBy', { id: r.supersededById })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Text fz="sm" td={r.status === 'amended' ? 'line-through' : undefined}>
                {r.description}
              </Text>
              {r.evidence.map((e) => (
                <Badge key={e.sha256} variant="outline" color="gray" size="xs" mr={4}>
                  {e.fileName}
                </Badge>
              ))}
            </Table.Td>
            <Table.Td>
              <StatusBadge status={r.status} />
            </Table.Td>
            <Table.Td ta="right">
              <Points value={r.contribution} strike={r.contribution === 0 && r.points !== 0} />
            </Table.Td>
            <Table.Td fz="xs">{sourceText(t, r)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface AddProps {
  codes: readonly string[];
  /** Runs the route; returns the refusal, or null when the record was added. */
  save(input: { code: string; occurredOn: string; description: string; evidence: { fileName: string; dataBase64: string }[] }): Promise<ApiError | null>;
  onDone(): void;
  onCancel(): void;
}

export function AddRecordForm({ codes, save, onDone, onCancel }: AddProps): React.JSX.Element {
  const { t } = useTranslation();
  const catalogue = useLoad('catalogue.current', {});
  const [code, setCode] = useState<string | null>(codes[0] ?? null);
  const [occurredOn, setOccurredOn] = useState(todayIso());
  const [description, setDescription] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const items = (catalogue.data?.items ?? []).filter((i) => codes.includes(i.code));
  const item = items.find((i) => i.code === code);
  const server = serverErrors(t, error);

  const submit = async (): Promise<void> => {
    if (!code) return;
    setBusy(true);
    const evidence = file ? [{ fileName: file.name, dataBase64: await readBase64(file) }] : [];
    const refused = await save({ code, occurredOn, description: description.trim(), evidence });
    setBusy(false);
    setError(refused);
    if (!refused) onDone();
  };

  return (
    <Stack gap="sm" data-testid="add-record-form">
      <Select
        label={t('institutions.record.item')}
        data={items.map((i) => ({ value: i.code, label: t('common.withNote', { text: `${i.code} ${currentLang() === 'en' ? i.nameEn : i.nameZh}`, note: formatPoints(i.points) }) }))}
        value={code}
        onChange={setCode}
        allowDeselect={false}
        error={server.fields.itemId}
        data-testid="record-code"
      />
      <DateField label={t('institutions.record.occurredOn')} value={occurredOn} onChange={setOccurredOn} max={todayIso()} required />
      <Textarea label={t('institutions.record.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required maxLength={1000} autosize minRows={2} error={server.fields.description} data-testid="record-description" />
      {item?.evidenceRequired && (
        <FileInput label={t('institutions.record.evidence')} description={t('institutions.record.evidenceNeeded')} value={file} onChange={setFile} accept="application/pdf,image/png,image/jpeg" clearable required />
      )}
      {server.general && <Alert color="red">{server.general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} data-testid="record-cancel">
          {t('common.cancel')}
        </Button>
        <Button loading={busy} disabled={!code || !description.trim() || !occurredOn || (item?.evidenceRequired === true && !file)} onClick={() => void submit()} data-testid="record-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}
