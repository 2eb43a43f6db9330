// 学生 (DOM, school administrator and records clerk only): the student register as one virtualised
// list filtered, sorted and paged by the core (students.list), with create, edit, deactivate, new
// classes and (administrator) the audited export. A row opens the student's file, which the core
// writes to the audit log as a read.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { StudentView } from '../../../../shared/api/routes/registry';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { useNav } from '../../components/navigation';
import { usePagedRows } from '../../components/usePagedRows';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { PersonStatusBadge } from '../../components/StatusBadge';
import { downloadFile } from '../../components/files';
import { formatCount } from '../../components/format';
import { errorText } from '../../i18n';
import { ClassForm, classLabel, StudentForm } from './StudentForm';

type StudentSort = 'studentNo' | 'name' | 'class' | 'recordCount';

/** A guardian's phone number is not needed in full to scan a list; the edit form and the file show it. */
function maskContact(contact: string): string {
  return /^\d{11}$/.test(contact) ? `${contact.slice(0, 3)}****${contact.slice(7)}` : contact;
}

export function StudentsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const { go } = useNav();
  const isAdmin = me.user.role === 'school_admin';
  const classes = useLoad('classes.list', {});
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [grade, setGrade] = useState<string | null>(null);
  const [classId, setClassId] = useState<number | null>(null);
  const [status, setStatus] = useState<'active' | 'inactive' | null>('active');
  const [sort, setSort] = useState<SortState>({ key: 'studentNo', dir: 'asc' });
  const [editing, setEditing] = useState<StudentView | 'new' | null>(null);
  const [newClass, setNewClass] = useState(false);
  const exporter = useAction('students.export');

  const grades = useMemo(() => [...new Set((classes.data ?? []).map((c) => c.grade))], [classes.data]);
  const classOptions = (classes.data ?? []).filter((c) => !grade || c.grade === grade).map((c) => ({ value: String(c.id), label: classLabel(c) }));

  const filter = useMemo(
    () => ({
      ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}),
      ...(grade ? { grade } : {}),
      ...(classId !== null ? { classId } : {}),
      ...(status ? { status } : {}),
      sort: sort.key as StudentSort,
      dir: sort.dir,
    }),
    [debouncedQ, grade, classId, status, sort],
  );
  const fetchPage = useCallback((offset: number, limit: number) => call('students.list', { ...filter, offset, limit }), [filter]);
  const rows = usePagedRows(fetchPage, JSON.stringify(filter));

  const toggle = async (s: StudentView): Promise<void> => {
    const next = s.status === 'active' ? 'inactive' : 'active';
    const r = await call('students.setStatus', { id: s.id, status: next });
    if (r.ok) {
      notifications.show({ color: 'teal', message: next === 'inactive' ? t('person.deactivated') : t('person.activated') });
      setEditing(null);
      rows.reload();
    } else notifications.show({ color: 'red', message: errorText(r.error) });
  };

  const exportXlsx = async (): Promise<void> => {
    const file = await exporter.run(classId !== null ? { classId } : {});
    if (file) {
      downloadFile(file);
      notifications.show({ color: 'teal', message: t('students.exported', { file: file.fileName }) });
    }
  };

  const columns: Column<StudentView>[] = [
    { key: 'studentNo', header: t('students.studentNo'), width: 120, sortKey: 'studentNo', render: (r) => <Text span ff="monospace" fz="sm">{r.studentNo}</Text> },
    { key: 'name', header: t('students.name'), sortKey: 'name', render: (r) => r.name },
    { key: 'gender', header: t('person.gender'), width: 72, render: (r) => t(`person.${r.gender}`) },
    { key: 'class', header: t('students.class'), width: 140, sortKey: 'class', render: (r) => classLabel({ grade: r.grade, name: r.className }) },
    { key: 'guardian', header: t('students.guardian'), width: 150, render: (r) => (r.guardianContact ? maskContact(r.guardianContact) : '—') },
    { key: 'recordCount', header: t('teachers.recordCount'), width: 90, sortKey: 'recordCount', align: 'right', render: (r) => r.recordCount },
    { key: 'status', header: t('person.status'), width: 105, render: (r) => <PersonStatusBadge active={r.status === 'active'} kind="student" /> },
    {
      key: 'actions',
      header: t('common.actions'),
      width: 80,
      render: (r) => (
        <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
          <Button size="compact-xs" variant="light" onClick={() => setEditing(r)}>
            {t('common.edit')}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('students.title')}</Title>
        <Group gap="xs">
          {isAdmin && (
            <Button variant="default" loading={exporter.busy} onClick={() => void exportXlsx()} data-testid="students-export">
              {t('students.export')}
            </Button>
          )}
          <Button variant="default" onClick={() => setNewClass(true)}>
            {t('students.newClass')}
          </Button>
          <Button onClick={() => setEditing('new')}>{t('students.create')}</Button>
        </Group>
      </Group>
      <Alert color="blue" variant="light" py="xs">
        {t('students.privacy')}
      </Alert>
      {(classes.error ?? exporter.error) && <Alert color="red">{classes.error ?? exporter.error}</Alert>}
      <Group align="flex-end">
        <TextInput label={t('common.search')} placeholder={t('students.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220} />
        <Select
          label={t('students.gradeFilter')}
          data={grades}
          value={grade}
          onChange={(v) => {
            setGrade(v);
            setClassId(null);
          }}
          placeholder={t('common.all')}
          clearable
          w={130}
        />
        <Select
          label={t('students.classFilter')}
          data={classOptions}
          value={classId === null ? null : String(classId)}
          onChange={(v) => setClassId(v === null ? null : Number(v))}
          placeholder={t('common.all')}
          clearable
          searchable
          w={160}
        />
        <Select
          label={t('person.status')}
          data={[
            { value: 'active', label: t('person.active.student') },
            { value: 'inactive', label: t('person.inactive') },
          ]}
          value={status}
          onChange={(v) => setStatus(v === 'active' || v === 'inactive' ? v : null)}
          placeholder={t('common.all')}
          clearable
          w={120}
        />
        <Text size="sm" c="dimmed" pb={6} data-testid="student-total">
          {rows.total !== null && t('common.totalN', { n: formatCount(rows.total) })}
        </Text>
      </Group>
      {rows.error && <Text c="red">{rows.error}</Text>}
      <VirtualTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        sort={sort}
        onSort={setSort}
        onRowClick={(r) => go({ page: 'studentFile', studentId: r.id })}
        empty={t('common.noMatches')}
        height="calc(100vh - 360px)"
        testId="students-table"
      />
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('students.create') : t('students.edit')} size="lg">
        {editing !== null && (
          <StudentForm
            student={editing === 'new' ? null : editing}
            classes={classes.data ?? []}
            onCancel={() => setEditing(null)}
            {...(editing !== 'new' ? { onToggleStatus: () => void toggle(editing) } : {})}
            onDone={() => {
              notifications.show({ color: 'teal', message: editing === 'new' ? t('students.created') : t('students.updated') });
              setEditing(null);
              rows.reload();
            }}
          />
        )}
      </Modal>
      <Modal opened={newClass} onClose={() => setNewClass(false)} title={t('students.newClass')}>
        <ClassForm
          onCancel={() => setNewClass(false)}
          onDone={() => {
            notifications.show({ color: 'teal', message: t('students.classCreated') });
            setNewClass(false);
            classes.reload();
          }}
        />
      </Modal>
    </Stack>
  );
}
