// One institution (DOM), inside the list's drawer: its details, its credit file with the grade
// worked out step by step, practitioners, annual reports, licences and penalties, each tab acting
// only as the user's role allows.
import { useState } from 'react';
import { Alert, Button, Group, Menu, Modal, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_STATUSES } from '../../../../shared/domain/supervision';
import { MANUAL_INSTITUTION_CODES, type InstitutionDetail as Detail } from '../../../../shared/api/routes/institutions';
import { call } from '../../api/client';
import { useLoad } from '../../app/useLoad';
import { formatDate, todayIso } from '../../components/format';
import { errorText } from '../../i18n';
import { AnnualReportsTab } from './AnnualReportsTab';
import { TeacherList } from '../schoolTeachers/TeacherList';
import { AddRecordForm, RecordsTable } from './CreditRecords';
import { DecisionsTab } from './DecisionsTab';
import { ListBadges } from '../../components/ListBadges';
import { GradeBadge, GradeExplanation } from './GradeExplanation';
import { InstitutionForm } from './InstitutionForm';
import { PractitionersTab } from './PractitionersTab';

/** A licence's end date, orange within 60 days and red once past; `compact` keeps a list cell to the date. */
export function LicenceText({ validUntil, compact = false }: { validUntil: string | null; compact?: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  if (!validUntil) return <Text span c="dimmed" fz="sm">{t('institutions.none')}</Text>;
  const days = Math.round((Date.parse(validUntil) - Date.parse(todayIso())) / 86_400_000);
  const note = days < 0 ? t('institutions.expired') : days <= 60 ? t('institutions.expiresIn', { days }) : '';
  return (
    <Text span fz="sm" {...(days <= 60 ? { c: days < 0 ? 'red.7' : 'orange.7', fw: 600, title: note } : {})} data-expiring={days <= 60}>
      {note && !compact ? t('common.withNote', { text: formatDate(validUntil), note }) : formatDate(validUntil)}
      {note && compact ? ' ⚠' : ''}
    </Text>
  );
}

function Basic({ i }: { i: Detail }): React.JSX.Element {
  const { t } = useTranslation();
  const rows: [string, React.ReactNode][] = [
    [t('institutions.field.uscc'), <Text key="u" span ff="monospace">{i.uscc}</Text>],
    [t('institutions.field.kind'), t(`institutions.kind.${i.kind}`)],
    [t('institutions.col.status'), t(`institutions.status.${i.status}`)],
    [t('institutions.field.township'), i.township],
    [t('institutions.field.grid'), i.grid || '—'],
    [t('institutions.field.address'), i.address || '—'],
    [t('institutions.field.legalRep'), i.legalRep || '—'],
    [t('institutions.field.licenceNo'), i.licenceNo ?? t('institutions.none')],
    [t('institutions.field.licenceValidUntil'), <LicenceText key="l" validUntil={i.licenceValidUntil} />],
    [t('institutions.col.lists'), <ListBadges key="b" lists={i.lists} />],
    [t('institutions.detail.createdAt'), formatDate(i.createdAt)],
    [t('institutions.detail.counts'), t('institutions.detail.countsText', i.counts)],
  ];
  return (
    <Table withTableBorder fz="sm" data-testid="inst-basic">
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={170} bg="gray.0">
              {k}
            </Table.Th>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CreditTab({ i, canRecord, onChanged }: { i: Detail; canRecord: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const records = useLoad('institutions.records', { id: i.id });
  const [adding, setAdding] = useState(false);
  const codes = MANUAL_INSTITUTION_CODES.filter((c) => c !== 'I-AR1' || i.kind !== 'public_school');
  return (
    <Stack>
      <GradeExplanation grade={i.gradeDetail} records={records.data ?? []} />
      <Group justify="space-between">
        <Text fw={600}>{t('institutions.record.title')}</Text>
        {canRecord && !adding && (
          <Button size="xs" onClick={() => setAdding(true)} data-testid="inst-add-record">
            {t('institutions.record.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <AddRecordForm
          codes={codes}
          save={async (input) => {
            const r = await call('institutions.addRecord', { institutionId: i.id, ...input, code: input.code as (typeof MANUAL_INSTITUTION_CODES)[number] });
            return r.ok ? null : r.error;
          }}
          onDone={() => {
            notifications.show({ color: 'teal', message: t('institutions.record.added') });
            setAdding(false);
            records.reload();
            onChanged();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      {records.error && <Alert color="red">{records.error}</Alert>}
      {records.data && <RecordsTable records={records.data} testId="inst-records" />}
    </Stack>
  );
}

export function InstitutionDetail({ id, grids, role, onChanged }: { id: number; grids: string[]; role: string; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const detail = useLoad('institutions.get', { id });
  const [tab, setTab] = useState<string | null>('basic');
  const [editing, setEditing] = useState(false);
  const canAdmin = role === 'bureau_admin';
  const canRecord = canAdmin || role === 'bureau_inspector';
  const i = detail.data;
  const changed = (): void => {
    detail.reload();
    onChanged();
  };
  if (!i) return <Text c={detail.error ? 'red' : 'dimmed'}>{detail.error ?? t('common.loading')}</Text>;
  const setStatus = async (status: (typeof INSTITUTION_STATUSES)[number]): Promise<void> => {
    const r = await call('institutions.setStatus', { id, status });
    notifications.show(r.ok ? { color: 'teal', message: t('institutions.detail.statusChanged') } : { color: 'red', message: errorText(r.error) });
    changed();
  };
  return (
    <Stack data-testid="inst-detail">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Title order={3} data-testid="detail-name">
            {i.name}
          </Title>
          <Group gap="xs">
            <GradeBadge grade={i.grade} score={i.score} />
            {i.lists.length > 0 && <ListBadges lists={i.lists} />}
            <Text fz="sm" c="dimmed">
              {t(`institutions.kind.${i.kind}`)} · {t(`institutions.status.${i.status}`)} · {i.township}
            </Text>
          </Group>
        </Stack>
        {canAdmin && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="light" onClick={() => setEditing(true)} data-testid="inst-edit">
              {t('common.edit')}
            </Button>
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="default">
                  {t('institutions.detail.setStatus')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {INSTITUTION_STATUSES.filter((s) => s !== i.status).map((s) => (
                  <Menu.Item key={s} onClick={() => void setStatus(s)}>
                    {t(`institutions.status.${s}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {(['basic', 'credit', 'practitioners', 'reports', 'licences', 'penalties'] as const).map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`inst-tab-${k}`}>
              {t(`institutions.tab.${k}`)}
            </Tabs.Tab>
          ))}
          {i.kind !== 'training' && (
            <Tabs.Tab value="teachers" data-testid="inst-tab-teachers">
              {t('schoolTeachers.tab')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="basic" pt="md">
          <Basic i={i} />
        </Tabs.Panel>
        <Tabs.Panel value="credit" pt="md">
          <CreditTab i={i} canRecord={canRecord} onChanged={changed} />
        </Tabs.Panel>
        <Tabs.Panel value="practitioners" pt="md">
          <PractitionersTab institutionId={i.id} canAdmin={canAdmin} canRecord={canRecord} />
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          <AnnualReportsTab institutionId={i.id} isPublic={i.kind === 'public_school'} canAdmin={canAdmin} />
        </Tabs.Panel>
        <Tabs.Panel value="licences" pt="md">
          <DecisionsTab kind="licence" institutionId={i.id} isPublic={i.kind === 'public_school'} canCreate={canAdmin} onChanged={changed} />
        </Tabs.Panel>
        {i.kind !== 'training' && (
          <Tabs.Panel value="teachers" pt="md">
            <TeacherList school={i.uscc} height="calc(100vh - 380px)" empty={t('schoolTeachers.schoolNotEnrolled')} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="penalties" pt="md">
          <DecisionsTab kind="penalty" institutionId={i.id} isPublic={i.kind === 'public_school'} canCreate={canRecord} onChanged={changed} />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('institutions.edit')} size="lg">
        {editing && (
          <InstitutionForm
            institution={i}
            grids={grids}
            onCancel={() => setEditing(false)}
            onDone={() => {
              notifications.show({ color: 'teal', message: t('institutions.updated') });
              setEditing(false);
              changed();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
