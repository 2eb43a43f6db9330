// 信用记录 (DOM): teacher records (and, for the administrator and clerk, student records) as one
// virtualised list, filtered, sorted and paged by the core (records.list). A row opens the record's
// detail with amend, revoke and repair; new records are entered from here.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Drawer, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../shared/api/routes/credit';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useCatalogue, itemName } from '../../components/catalogue';
import { usePagedRows } from '../../components/usePagedRows';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { StatusBadge } from '../../components/StatusBadge';
import { Points } from '../../components/Points';
import { formatCount, formatDate } from '../../components/format';
import type { SubjectKind } from '../../components/SubjectPicker';
import { EMPTY_FILTER, RecordFilters, type RecordFilter } from './RecordFilters';
import { RecordDetail } from './RecordDetail';
import { RecordForm } from './RecordForm';
import { ListExport } from '../../components/ListExport';

type RecordSort = 'occurredOn' | 'createdAt' | 'subject' | 'item' | 'points';
const STAFF = ['school_admin', 'records_clerk'];

/** Classes for the student filter; only staff may read them, so others never ask. */
function useClasses(enabled: boolean): { id: number; grade: string; name: string }[] {
  const [classes, setClasses] = useState<{ id: number; grade: string; name: string }[]>([]);
  useEffect(() => {
    if (enabled) void call('classes.list', {}).then((r) => r.ok && setClasses(r.value));
  }, [enabled]);
  return classes;
}

export function RecordsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const staff = STAFF.includes(me.user.role);
  const kinds: SubjectKind[] = staff ? ['teacher', 'student'] : ['teacher'];
  const [kind, setKind] = useState<SubjectKind>('teacher');
  const [filter, setFilter] = useState<RecordFilter>(EMPTY_FILTER);
  const [debouncedQ] = useDebouncedValue(filter.q, 300);
  const [sort, setSort] = useState<SortState>({ key: 'occurredOn', dir: 'desc' });
  const [open, setOpen] = useState<RecordView | null>(null);
  const [creating, setCreating] = useState(false);
  const catalogue = useCatalogue();
  const classes = useClasses(staff);

  const input = useMemo(
    () => ({
      subjectKind: kind,
      ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}),
      ...(filter.itemCode ? { itemCode: filter.itemCode } : {}),
      ...(filter.infoClass ? { infoClass: filter.infoClass } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(kind === 'student' && filter.classId !== null ? { classId: filter.classId } : {}),
      // A half-typed date is not sent: the core would refuse it.
      ...(/^\d{4}-\d{2}-\d{2}$/.test(filter.from) ? { from: filter.from } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? { to: filter.to } : {}),
      sort: sort.key as RecordSort,
      dir: sort.dir,
    }),
    [kind, debouncedQ, filter.itemCode, filter.infoClass, filter.status, filter.classId, filter.from, filter.to, sort],
  );
  const fetchPage = useCallback((offset: number, limit: number) => call('records.list', { ...input, offset, limit }), [input]);
  const rows = usePagedRows(fetchPage, JSON.stringify(input));

  const columns: Column<RecordView>[] = [
    { key: 'id', header: '#', width: 70, render: (r) => <Text fz="sm" c="dimmed">{r.id}</Text> },
    { key: 'occurredOn', header: t('records.occurredOn'), width: 140, sortKey: 'occurredOn', render: (r) => formatDate(r.occurredOn) },
    { key: 'subject', header: t('records.subject'), width: 100, sortKey: 'subject', render: (r) => r.subjectName },
    { key: 'item', header: t('records.item'), sortKey: 'item', render: (r) => <span title={`${r.item.code} ${itemName(r.item)}`}>{r.item.code} {itemName(r.item)}</span> },
    { key: 'infoClass', header: t('records.infoClassCol'), width: 130, render: (r) => t(`infoClass.${r.item.infoClass}`) },
    {
      key: 'points',
      header: t('records.points'),
      width: 80,
      sortKey: 'points',
      align: 'right',
      // A revocation row never counts: it only marks the record it revokes, which shows its points struck.
      render: (r) => (r.kind === 'revocation' ? '' : <Points value={r.item.points} strike={r.contribution === 0 && r.item.points !== 0} />),
    },
    { key: 'status', header: t('records.status'), width: 120, render: (r) => <StatusBadge status={r.status} /> },
    { key: 'evidence', header: t('records.evidenceShort'), width: 56, align: 'center', render: (r) => (r.evidence.length > 0 ? r.evidence.length : '') },
    { key: 'author', header: t('records.author'), width: 100, render: (r) => r.authorName },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('records.title')}</Title>
        {staff && (
          <Button onClick={() => setCreating(true)} data-testid="record-new">
            {t('records.create')}
          </Button>
        )}
      </Group>
      {kinds.length > 1 && (
        <Tabs
          value={kind}
          onChange={(v) => {
            setKind(v === 'student' ? 'student' : 'teacher');
            setFilter(EMPTY_FILTER);
          }}
        >
          <Tabs.List>
            <Tabs.Tab value="teacher">{t('records.teacherTab')}</Tabs.Tab>
            <Tabs.Tab value="student">{t('records.studentTab')}</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      <RecordFilters value={filter} onChange={setFilter} items={catalogue?.items ?? []} subjectKind={kind} classes={classes} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="records-total">
          {rows.total !== null && t('common.totalN', { n: formatCount(rows.total) })}
        </Text>
        {/* Student records leave the school office only through its administrator. */}
        {(kind === 'teacher' || me.user.role === 'school_admin') && <ListExport route="records.export" filter={input} testId="records-export" />}
      </Group>
      {rows.error && <Text c="red">{rows.error}</Text>}
      <VirtualTable
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        sort={sort}
        onSort={setSort}
        onRowClick={(r) => setOpen(r)}
        empty={t('records.noRecords')}
        height="calc(100vh - 380px)"
        testId="records-table"
      />
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size="lg" title={open ? t('records.detail', { id: open.id }) : ''}>
        {open && (
          <RecordDetail
            record={open}
            onChanged={(r) => {
              setOpen(r);
              rows.reload();
            }}
          />
        )}
      </Drawer>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('records.create')} size="lg">
        {creating && (
          <RecordForm
            kinds={kinds}
            onCancel={() => setCreating(false)}
            onDone={(r) => {
              setCreating(false);
              notifications.show({ color: 'teal', message: t('records.created') });
              if (r.subjectKind !== kind) setKind(r.subjectKind);
              rows.reload();
              setOpen(r);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
