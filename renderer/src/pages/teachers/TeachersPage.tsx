// 教师 (DOM): the teacher register as one virtualised list, filtered, sorted and paged by the core
// (teachers.list), with create, edit and deactivate. A row opens the teacher's credit file.
import { useCallback, useMemo, useState } from 'react';
import { Autocomplete, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TeacherView } from '../../../../shared/api/routes/registry';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../../i18n';
import { useNav } from '../../components/navigation';
import { usePagedRows } from '../../components/usePagedRows';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { PersonStatusBadge } from '../../components/StatusBadge';
import { formatCount, formatDate } from '../../components/format';
import { COMMON_SUBJECTS, TeacherForm } from './TeacherForm';
import { TeacherAccountsModal } from '../users/TeacherAccountsModal';
import { ListExport } from '../../components/ListExport';

type TeacherSort = 'staffNo' | 'name' | 'subject' | 'title' | 'hireDate' | 'recordCount';
const EDITORS = ['school_admin', 'records_clerk'];

export function TeachersPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const { go } = useNav();
  const canEdit = EDITORS.includes(me.user.role);
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<'active' | 'inactive' | null>('active');
  const [subject, setSubject] = useState('');
  const [debouncedSubject] = useDebouncedValue(subject, 300);
  const [sort, setSort] = useState<SortState>({ key: 'staffNo', dir: 'asc' });
  const [editing, setEditing] = useState<TeacherView | 'new' | null>(null);
  const [account, setAccount] = useState<'none' | 'has' | null>(null);
  // Accounts are the school administrator's to open: one from a row, or the rows ticked.
  const opensAccounts = me.user.role === 'school_admin';
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [opening, setOpening] = useState<number[] | null>(null);
  const toggleSelected = (id: number): void =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  // The list shows ID numbers masked; the form gets the whole number, which only editors receive.
  const edit = async (id: number): Promise<void> => {
    const r = await call('teachers.get', { id });
    if (r.ok) setEditing(r.value);
    else notifications.show({ color: 'red', message: errorText(r.error) });
  };

  const filter = useMemo(
    () => ({
      ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}),
      ...(status ? { status } : {}),
      ...(debouncedSubject.trim() ? { subject: debouncedSubject.trim() } : {}),
      ...(account ? { account } : {}),
      sort: sort.key as TeacherSort,
      dir: sort.dir,
    }),
    [debouncedQ, status, debouncedSubject, account, sort],
  );
  const fetchPage = useCallback((offset: number, limit: number) => call('teachers.list', { ...filter, offset, limit }), [filter]);
  const rows = usePagedRows(fetchPage, JSON.stringify(filter));

  const toggle = async (teacher: TeacherView): Promise<void> => {
    const next = teacher.status === 'active' ? 'inactive' : 'active';
    const r = await call('teachers.setStatus', { id: teacher.id, status: next });
    if (r.ok) {
      notifications.show({ color: 'teal', message: next === 'inactive' ? t('person.deactivated') : t('person.activated') });
      setEditing(null);
      rows.reload();
    } else notifications.show({ color: 'red', message: errorText(r.error) });
  };

  const columns: Column<TeacherView>[] = [];
  if (opensAccounts) {
    columns.push({
      key: 'select',
      header: <VisuallyHidden>{t('teacherAccounts.select')}</VisuallyHidden>,
      width: 44,
      render: (r) => (
        <Checkbox
          aria-label={`${t('teacherAccounts.select')} ${r.name}`}
          checked={selected.has(r.id)}
          disabled={r.account !== null || r.status !== 'active'}
          onClick={(e) => e.stopPropagation()}
          onChange={() => toggleSelected(r.id)}
          data-testid="teacher-select"
        />
      ),
    });
  }
  columns.push(
    { key: 'staffNo', header: t('teachers.staffNo'), width: 80, sortKey: 'staffNo', render: (r) => <Text span ff="monospace" fz="sm">{r.staffNo}</Text> },
    { key: 'name', header: t('teachers.name'), width: 96, sortKey: 'name', render: (r) => r.name },
    { key: 'gender', header: t('person.gender'), width: 64, render: (r) => t(`person.${r.gender}`) },
    { key: 'idNumber', header: t('teachers.idNumber'), width: 170, render: (r) => <Text span ff="monospace" fz="sm">{r.idNumber}</Text> },
    { key: 'subject', header: t('teachers.subject'), width: 90, sortKey: 'subject', render: (r) => r.subject },
    { key: 'title', header: t('teachers.jobTitle'), sortKey: 'title', render: (r) => r.title || '—' },
    { key: 'hireDate', header: t('teachers.hireDate'), width: 120, sortKey: 'hireDate', render: (r) => formatDate(r.hireDate) },
    { key: 'recordCount', header: t('teachers.recordCount'), width: 80, sortKey: 'recordCount', align: 'right', render: (r) => r.recordCount },
    { key: 'status', header: t('person.status'), width: 96, render: (r) => <PersonStatusBadge active={r.status === 'active'} kind="teacher" /> },
    {
      key: 'account',
      header: t('teacherAccounts.account'),
      width: 120,
      // The account, or (for the school administrator) the button that opens one.
      render: (r) =>
        r.account ? (
          <Text span ff="monospace" fz="sm">
            {r.account}
          </Text>
        ) : opensAccounts && r.status === 'active' ? (
          <Button size="compact-xs" variant="subtle" onClick={(e) => (e.stopPropagation(), setOpening([r.id]))} data-testid="teacher-open-account">
            {t('teacherAccounts.openOne')}
          </Button>
        ) : (
          <Text span c="dimmed" fz="sm">
            {t('teacherAccounts.noAccount')}
          </Text>
        ),
    },
  );
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      width: 72,
      render: (r) => (
        <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
          <Button size="compact-xs" variant="light" onClick={() => void edit(r.id)}>
            {t('common.edit')}
          </Button>
        </Group>
      ),
    });
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('teachers.title')}</Title>
        <Group gap="sm">
          {opensAccounts && selected.size > 0 && (
            <Button variant="light" onClick={() => setOpening([...selected])} data-testid="teachers-open-selected">
              {t('teacherAccounts.openSelected', { n: formatCount(selected.size) })}
            </Button>
          )}
          {canEdit && <Button onClick={() => setEditing('new')}>{t('teachers.create')}</Button>}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput label={t('common.search')} placeholder={t('teachers.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={280} data-testid="teacher-search" />
        <Select
          label={t('teachers.statusFilter')}
          data={[
            { value: 'active', label: t('person.active.teacher') },
            { value: 'inactive', label: t('person.inactive') },
          ]}
          value={status}
          onChange={(v) => setStatus(v === 'active' || v === 'inactive' ? v : null)}
          placeholder={t('common.all')}
          clearable
          w={140}
        />
        <Autocomplete label={t('teachers.subjectFilter')} data={COMMON_SUBJECTS} value={subject} onChange={setSubject} placeholder={t('common.all')} w={160} />
        <Select
          label={t('teacherAccounts.filterAccount')}
          data={[
            { value: 'none', label: t('teacherAccounts.filterNone') },
            { value: 'has', label: t('teacherAccounts.filterHas') },
          ]}
          value={account}
          onChange={(v) => setAccount(v === 'none' || v === 'has' ? v : null)}
          placeholder={t('common.all')}
          clearable
          w={150}
          data-testid="teacher-account-filter"
        />
        <Text size="sm" c="dimmed" pb={6} data-testid="teacher-total">
          {rows.total !== null && t('common.totalN', { n: formatCount(rows.total) })}
        </Text>
        <div style={{ marginLeft: 'auto', paddingBottom: 4 }}>
          <ListExport route="teachers.export" filter={filter} testId="teachers-export" />
        </div>
      </Group>
      {rows.error && <Text c="red">{rows.error}</Text>}
      <VirtualTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        sort={sort}
        onSort={setSort}
        onRowClick={(r) => go({ page: 'teacherFile', teacherId: r.id })}
        empty={t('common.noMatches')}
        testId="teachers-table"
        isSelected={(r) => selected.has(r.id)}
      />
      <Text size="xs" c="dimmed">
        {t('person.neverDeleted')}
      </Text>
      <TeacherAccountsModal
        opened={opening !== null}
        teacherIds={opening ?? undefined}
        onClose={(changed) => {
          setOpening(null);
          if (changed) {
            setSelected(new Set());
            rows.reload();
          }
        }}
      />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('teachers.create') : t('teachers.edit')} size="lg">
        {editing !== null && (
          <TeacherForm
            teacher={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            {...(editing !== 'new' ? { onToggleStatus: () => void toggle(editing) } : {})}
            onDone={() => {
              notifications.show({ color: 'teal', message: editing === 'new' ? t('teachers.created') : t('teachers.updated') });
              setEditing(null);
              rows.reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
