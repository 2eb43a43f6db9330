// Registry of institutions: public schools, private schools, training institutions, their practitioners, annual reports, licences and penalties (DOM).
// 机构名录: one list filtered, sorted and paged by the core, each row with its grade and the lists it
// is on; a row opens the institution in a drawer. The administrator adds and edits; the export
// writes the 双公示 workbook.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Drawer, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { InstitutionRow } from '../../../../shared/api/routes/institutions';
import { INSTITUTION_KINDS, INSTITUTION_STATUSES, LIST_KINDS, type InstitutionKind, type InstitutionStatus, type ListKind } from '../../../../shared/domain/supervision';
import { GRADES, type Grade } from '../../../../shared/domain/creditRules';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { downloadFile } from '../../components/files';
import { formatCount } from '../../components/format';
import { usePagedRows } from '../../components/usePagedRows';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { errorText } from '../../i18n';
import { ListBadges } from '../../components/ListBadges';
import { GradeBadge } from './GradeExplanation';
import { InstitutionDetail, LicenceText } from './InstitutionDetail';
import { InstitutionForm } from './InstitutionForm';

type Sort = 'name' | 'uscc' | 'kind' | 'township' | 'grid' | 'score' | 'licenceValidUntil';

export function InstitutionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const role = me.user.role;
  const canAdmin = role === 'bureau_admin';
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [kind, setKind] = useState<InstitutionKind | null>(null);
  const [status, setStatus] = useState<InstitutionStatus | null>(null);
  const [grid, setGrid] = useState<string | null>(null);
  const [grade, setGrade] = useState<Grade | null>(null);
  const [list, setList] = useState<ListKind | null>(null);
  const [sort, setSort] = useState<SortState>({ key: 'name', dir: 'asc' });
  const [grids, setGrids] = useState<string[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);

  const filter = useMemo(
    () => ({
      ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}),
      ...(kind ? { kind } : {}),
      ...(status ? { status } : {}),
      ...(grid ? { grid } : {}),
      ...(grade ? { grade } : {}),
      ...(list ? { list } : {}),
      sort: sort.key as Sort,
      dir: sort.dir,
    }),
    [debouncedQ, kind, status, grid, grade, list, sort],
  );
  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const r = await call('institutions.list', { ...filter, offset, limit });
      if (r.ok) setGrids(r.value.grids);
      return r;
    },
    [filter],
  );
  const rows = usePagedRows(fetchPage, JSON.stringify(filter));

  const exportData = async (): Promise<void> => {
    setExporting(true);
    const r = await call('doublePublicity.export', {});
    setExporting(false);
    if (r.ok) {
      downloadFile(r.value);
      notifications.show({ color: 'teal', message: t('institutions.exported', { file: r.value.fileName }) });
    } else notifications.show({ color: 'red', message: errorText(r.error) });
  };

  const columns: Column<InstitutionRow>[] = [
    { key: 'name', header: t('institutions.col.name'), sortKey: 'name', render: (r) => <Text span fz="sm" fw={500}>{r.name}</Text> },
    { key: 'uscc', header: t('institutions.col.uscc'), width: 172, sortKey: 'uscc', render: (r) => <Text span ff="monospace" fz="sm">{r.uscc}</Text> },
    { key: 'kind', header: t('institutions.col.kind'), width: 82, sortKey: 'kind', render: (r) => t(`institutions.kind.${r.kind}`) },
    { key: 'grid', header: t('institutions.col.grid'), width: 136, sortKey: 'grid', render: (r) => r.grid || '—' },
    { key: 'status', header: t('institutions.col.status'), width: 70, render: (r) => <Text span fz="sm" {...(r.status === 'active' ? {} : { c: 'red.7' })}>{t(`institutions.status.${r.status}`)}</Text> },
    { key: 'grade', header: t('institutions.col.grade'), width: 92, sortKey: 'score', render: (r) => <GradeBadge grade={r.grade} score={r.score} /> },
    { key: 'lists', header: t('institutions.col.lists'), width: 100, render: (r) => <ListBadges lists={r.lists} /> },
    { key: 'licence', header: t('institutions.col.licenceValidUntil'), width: 150, sortKey: 'licenceValidUntil', render: (r) => <LicenceText validUntil={r.licenceValidUntil} compact /> },
  ];

  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2}>{t('institutions.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('institutions.subtitle')}
          </Text>
        </Stack>
        <Group>
          <Button variant="default" loading={exporting} onClick={() => void exportData()} data-testid="inst-export">
            {t('institutions.export')}
          </Button>
          {canAdmin && (
            <Button onClick={() => setCreating(true)} data-testid="inst-create">
              {t('institutions.create')}
            </Button>
          )}
        </Group>
      </Group>
      {role === 'auditor' && (
        <Alert color="gray" p="xs">
          {t('institutions.readOnly')}
        </Alert>
      )}
      <Group align="flex-end">
        <TextInput label={t('common.search')} placeholder={t('institutions.searchHint')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={260} data-testid="inst-search" />
        <Select label={t('institutions.kind.label')} data={INSTITUTION_KINDS.map((k) => ({ value: k, label: t(`institutions.kind.${k}`) }))} value={kind} onChange={(v) => setKind(v as InstitutionKind | null)} placeholder={t('common.all')} clearable w={140} data-testid="inst-filter-kind" />
        <Select label={t('institutions.status.label')} data={INSTITUTION_STATUSES.map((s) => ({ value: s, label: t(`institutions.status.${s}`) }))} value={status} onChange={(v) => setStatus(v as InstitutionStatus | null)} placeholder={t('common.all')} clearable w={130} />
        <Select label={t('institutions.col.grid')} data={grids} value={grid} onChange={setGrid} placeholder={t('common.all')} clearable searchable w={180} />
        <Select label={t('institutions.col.grade')} data={GRADES.map((g) => ({ value: g, label: t(`institutions.gradeName.${g}`) }))} value={grade} onChange={(v) => setGrade(v as Grade | null)} placeholder={t('common.all')} clearable w={150} data-testid="inst-filter-grade" />
        <Select label={t('institutions.col.lists')} data={LIST_KINDS.map((k) => ({ value: k, label: t(`institutions.list.${k}`) }))} value={list} onChange={(v) => setList(v as ListKind | null)} placeholder={t('common.all')} clearable w={140} data-testid="inst-filter-list" />
        <Text size="sm" c="dimmed" pb={6} data-testid="inst-total">
          {rows.total !== null && t('institutions.total', { n: formatCount(rows.total) })}
        </Text>
      </Group>
      {rows.error && <Text c="red">{rows.error}</Text>}
      <VirtualTable columns={columns} rows={rows} rowKey={(r) => r.id} sort={sort} onSort={setSort} onRowClick={(r) => setOpen(r.id)} empty={t('common.noMatches')} testId="institutions-table" />
      <Drawer opened={open !== null} onClose={() => setOpen(null)} position="right" size={980} title={t('institutions.title')} data-testid="inst-drawer">
        {open !== null && <InstitutionDetail key={open} id={open} grids={grids} role={role} onChanged={rows.reload} />}
      </Drawer>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('institutions.create')} size="lg">
        {creating && (
          <InstitutionForm
            institution={null}
            grids={grids}
            onCancel={() => setCreating(false)}
            onDone={(i) => {
              notifications.show({ color: 'teal', message: t('institutions.created') });
              setCreating(false);
              rows.reload();
              setOpen(i.id);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
