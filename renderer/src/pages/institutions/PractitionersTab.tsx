// 从业人员 of one institution (DOM): the list with masked ID numbers and grades, the form that adds
// or edits one (ID number checked as it is typed), and each practitioner's own credit file.
import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { MANUAL_PRACTITIONER_CODES, practitionerFields, type PractitionerDetail, type PractitionerRow } from '../../../../shared/api/routes/institutions';
import { describeIdProblem } from '../../../../shared/api/messages';
import { checkIdNumber, type Gender } from '../../../../shared/domain/idNumber';
import { call } from '../../api/client';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { formatDate } from '../../components/format';
import { currentLang, errorText } from '../../i18n';
import { AddRecordForm, RecordsTable } from './CreditRecords';
import { checkFields, serverErrors, shown } from './formErrors';
import { ListBadges } from '../../components/ListBadges';
import { GradeBadge, GradeExplanation } from './GradeExplanation';

interface Fields {
  name: string;
  gender: Gender;
  idNumber: string;
  post: string;
  qualification: string;
}

function PractitionerForm({ institutionId, practitioner, onDone, onCancel }: { institutionId: number; practitioner: PractitionerDetail | null; onDone(): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [f, setF] = useState<Fields>(
    practitioner
      ? { name: practitioner.name, gender: practitioner.gender, idNumber: practitioner.idNumber, post: practitioner.post, qualification: practitioner.qualification }
      : { name: '', gender: 'female', idNumber: '', post: '', qualification: '' },
  );
  const [tried, setTried] = useState(false);
  const [idTouched, setIdTouched] = useState(practitioner !== null);
  const create = useAction('practitioners.create');
  const update = useAction('practitioners.update');
  const action = practitioner ? update : create;
  const set = <K extends keyof Fields>(k: K, v: Fields[K]): void => {
    setF((x) => ({ ...x, [k]: v }));
    action.clear();
  };
  const local = checkFields(t, practitionerFields, { ...f, institutionId });
  const server = serverErrors(t, action.apiError, { idNumber: 'idNumber' });
  const id = checkIdNumber(f.idNumber, f.gender);
  const stillTyping = !idTouched && !tried && !id.ok && (id.problem.reason === 'empty' || (id.problem.reason === 'length' && id.problem.length < 18));
  const idError = server.fields.idNumber ?? (id.ok || stillTyping ? undefined : describeIdProblem(id.problem, currentLang()));

  const submit = async (): Promise<void> => {
    setTried(true);
    if (Object.keys(local).length > 0 || !id.ok) return;
    const input = { ...f, idNumber: f.idNumber.trim().toUpperCase() };
    const saved = practitioner ? await update.run({ ...input, id: practitioner.id }) : await create.run({ ...input, institutionId });
    if (saved) onDone();
  };

  return (
    <Stack>
      <Group grow align="flex-start">
        <TextInput label={t('institutions.practitioner.name')} value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={server.fields.name ?? shown(local, 'name', tried)} required maxLength={30} data-testid="pr-name" data-autofocus />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('institutions.practitioner.gender')}
          </Text>
          <SegmentedControl
            value={f.gender}
            onChange={(v) => set('gender', v === 'male' ? 'male' : 'female')}
            data={[
              { value: 'female', label: t('institutions.practitioner.female') },
              { value: 'male', label: t('institutions.practitioner.male') },
            ]}
            data-testid="pr-gender"
          />
        </Stack>
      </Group>
      <TextInput
        label={t('institutions.practitioner.idNumber')}
        value={f.idNumber}
        onChange={(e) => set('idNumber', e.currentTarget.value.toUpperCase())}
        onBlur={() => setIdTouched(true)}
        error={idError}
        description={id.ok ? t('institutions.practitioner.idOk', { birth: formatDate(id.birthDate), gender: t(`institutions.practitioner.${id.gender}`) }) : undefined}
        required
        maxLength={18}
        data-testid="pr-id-number"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 }, description: { color: 'var(--mantine-color-teal-7)' } }}
      />
      <Group grow align="flex-start">
        <TextInput label={t('institutions.practitioner.post')} value={f.post} onChange={(e) => set('post', e.currentTarget.value)} error={server.fields.post ?? shown(local, 'post', tried)} required maxLength={30} data-testid="pr-post" />
        <TextInput label={t('institutions.practitioner.qualification')} value={f.qualification} onChange={(e) => set('qualification', e.currentTarget.value)} maxLength={100} />
      </Group>
      {server.general && <Alert color="red">{server.general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button loading={action.busy} onClick={() => void submit()} data-testid="pr-save">
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function PractitionerFile({ id, canAdmin, canRecord, onChanged }: { id: number; canAdmin: boolean; canRecord: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const file = useLoad('practitioners.get', { id });
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const p = file.data;
  if (!p) return <Text c={file.error ? 'red' : 'dimmed'}>{file.error ?? t('common.loading')}</Text>;
  const toggle = async (): Promise<void> => {
    const r = await call('practitioners.setStatus', { id, status: p.status === 'active' ? 'inactive' : 'active' });
    if (!r.ok) notifications.show({ color: 'red', message: errorText(r.error) });
    file.reload();
    onChanged();
  };
  if (editing) return <PractitionerForm institutionId={p.institutionId} practitioner={p} onCancel={() => setEditing(false)} onDone={() => { setEditing(false); file.reload(); onChanged(); }} />;
  return (
    <Stack data-testid="practitioner-file">
      <Group justify="space-between">
        <Stack gap={0}>
          <Text fw={700}>
            {p.name} · {t(`institutions.practitioner.${p.gender}`)} · {p.post}
          </Text>
          <Text fz="sm" c="dimmed" ff="monospace">
            {p.idNumberMasked} · {p.qualification || '—'} · {t(`institutions.practitioner.${p.status}`)}
          </Text>
        </Stack>
        <Group gap="xs">
          <ListBadges lists={p.lists} />
          {canAdmin && (
            <>
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button size="xs" variant="subtle" color={p.status === 'active' ? 'red' : 'teal'} onClick={() => void toggle()}>
                {p.status === 'active' ? t('institutions.practitioner.deactivate') : t('institutions.practitioner.activate')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      <GradeExplanation grade={p.gradeDetail} records={p.records} />
      <Group justify="space-between">
        <Text fw={600}>{t('institutions.record.title')}</Text>
        {canRecord && !adding && (
          <Button size="xs" onClick={() => setAdding(true)} data-testid="pr-add-record">
            {t('institutions.record.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <AddRecordForm
          codes={MANUAL_PRACTITIONER_CODES}
          save={async (input) => {
            const r = await call('practitioners.addRecord', { practitionerId: id, code: input.code as (typeof MANUAL_PRACTITIONER_CODES)[number], occurredOn: input.occurredOn, description: input.description });
            return r.ok ? null : r.error;
          }}
          onDone={() => {
            notifications.show({ color: 'teal', message: t('institutions.record.added') });
            setAdding(false);
            file.reload();
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <RecordsTable records={p.records} testId="practitioner-records" />
    </Stack>
  );
}

export function PractitionersTab({ institutionId, canAdmin, canRecord }: { institutionId: number; canAdmin: boolean; canRecord: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const list = useLoad('practitioners.list', { institutionId, limit: 500 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const rows: PractitionerRow[] = list.data?.rows ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Text fz="sm" c="dimmed">
          {t('institutions.practitioner.maskedNote')}
        </Text>
        {canAdmin && (
          <Button size="xs" onClick={() => setCreating(true)} data-testid="pr-add">
            {t('institutions.practitioner.add')}
          </Button>
        )}
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {rows.length === 0 ? (
        <Text c="dimmed">{t('institutions.practitioner.none')}</Text>
      ) : (
        <Table fz="sm" striped highlightOnHover withTableBorder data-testid="practitioners-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('institutions.practitioner.name')}</Table.Th>
              <Table.Th w={60}>{t('institutions.practitioner.gender')}</Table.Th>
              <Table.Th w={190}>{t('institutions.practitioner.idNumber')}</Table.Th>
              <Table.Th>{t('institutions.practitioner.post')}</Table.Th>
              <Table.Th>{t('institutions.practitioner.qualification')}</Table.Th>
              <Table.Th w={70}>{t('institutions.practitioner.status')}</Table.Th>
              <Table.Th w={90}>{t('institutions.col.grade')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} tabIndex={0} style={{ cursor: 'pointer' }} onClick={() => setOpen(r.id)} onKeyDown={(e) => e.key === 'Enter' && setOpen(r.id)} data-testid="practitioner-row">
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{t(`institutions.practitioner.${r.gender}`)}</Table.Td>
                <Table.Td ff="monospace">{r.idNumberMasked}</Table.Td>
                <Table.Td>{r.post}</Table.Td>
                <Table.Td>{r.qualification || '—'}</Table.Td>
                <Table.Td>{t(`institutions.practitioner.${r.status}`)}</Table.Td>
                <Table.Td>
                  <GradeBadge grade={r.grade} score={r.score} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('institutions.practitioner.add')} size="lg">
        {creating && (
          <PractitionerForm
            institutionId={institutionId}
            practitioner={null}
            onCancel={() => setCreating(false)}
            onDone={() => {
              notifications.show({ color: 'teal', message: t('institutions.practitioner.created') });
              setCreating(false);
              list.reload();
            }}
          />
        )}
      </Modal>
      <Modal opened={open !== null} onClose={() => setOpen(null)} title={t('institutions.practitioner.file')} size="xl">
        {open !== null && <PractitionerFile id={open} canAdmin={canAdmin} canRecord={canRecord} onChanged={list.reload} />}
      </Modal>
    </Stack>
  );
}
