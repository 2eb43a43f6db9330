// Every graded subject (DOM): filtered by kind and grade, searched by name, sorted by score and
// paged by the core from its kept grading; a row opens the subject's explanation.
import { useCallback, useMemo, useState } from 'react';
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { GradedSubjectView } from '../../../../shared/api/routes/grading';
import { SUBJECT_KIND_NAMES, gradeLabel } from '../../../../shared/api/gradingMessages';
import { GRADES, type Grade } from '../../../../shared/domain/creditRules';
import { SUPERVISED_KINDS, type SupervisedKind } from '../../../../shared/domain/supervision';
import { call } from '../../api/client';
import { GradeBadge } from '../../components/GradeExplanation';
import { ListBadges } from '../../components/ListBadges';
import { formatCount } from '../../components/format';
import { usePagedRows } from '../../components/usePagedRows';
import { VirtualTable, type Column, type SortState } from '../../components/VirtualTable';
import { currentLang } from '../../i18n';
import { SubjectDrawer } from './SubjectDrawer';

export function SubjectsPanel({ version }: { version: number }): React.JSX.Element {
  const { t } = useTranslation();
  const lang = currentLang();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [kind, setKind] = useState<SupervisedKind | null>(null);
  const [grade, setGrade] = useState<Grade | null>(null);
  const [sort, setSort] = useState<SortState>({ key: 'score', dir: 'asc' });
  const [open, setOpen] = useState<{ kind: SupervisedKind; key: string } | null>(null);

  const filter = useMemo(
    () => ({ ...(kind ? { kind } : {}), ...(grade ? { grade } : {}), ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}), dir: sort.dir }),
    [kind, grade, debouncedQ, sort.dir],
  );
  const fetchPage = useCallback((offset: number, limit: number) => call('grading.subjects', { ...filter, offset, limit }), [filter]);
  // A new run (version) may change grades: the list starts over.
  const rows = usePagedRows(fetchPage, `${JSON.stringify(filter)}#${version}`);

  const columns: Column<GradedSubjectView>[] = [
    { key: 'name', header: t('grading.subjects.name'), render: (r) => r.name },
    {
      key: 'kind',
      header: t('grading.subjects.kind'),
      width: 110,
      render: (r) => (r.institutionKind ? t(`grading.institutionKinds.${r.institutionKind}`) : SUBJECT_KIND_NAMES[lang][r.kind]),
    },
    { key: 'org', header: t('grading.subjects.org'), width: 230, render: (r) => r.org ?? '—' },
    { key: 'score', header: t('grading.subjects.score'), width: 100, align: 'right', sortKey: 'score', render: (r) => <Text span fw={600} fz="sm">{r.score}</Text> },
    { key: 'grade', header: t('grading.subjects.grade'), width: 150, render: (r) => <GradeBadge grade={r.grade} size="sm" /> },
    {
      key: 'lists',
      header: t('grading.subjects.lists'),
      width: 170,
      render: (r) => <ListBadges lists={r.lists} />,
    },
  ];

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label={t('grading.subjects.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={240} data-testid="grading-search" />
        <Select
          label={t('grading.subjects.kindFilter')}
          data={SUPERVISED_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_NAMES[lang][k] }))}
          value={kind}
          onChange={(v) => setKind((v as SupervisedKind | null) ?? null)}
          placeholder={t('common.all')}
          clearable
          w={150}
          data-testid="grading-kind"
        />
        <Select
          label={t('grading.subjects.gradeFilter')}
          data={GRADES.map((g) => ({ value: g, label: gradeLabel(g, lang) }))}
          value={grade}
          onChange={(v) => setGrade((v as Grade | null) ?? null)}
          placeholder={t('common.all')}
          clearable
          w={170}
          data-testid="grading-grade"
        />
        <Text size="sm" c="dimmed" pb={6} data-testid="grading-subject-total">
          {rows.total !== null && t('common.totalN', { n: formatCount(rows.total) })}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('grading.subjects.sortHint')}
      </Text>
      {rows.error && <Text c="red">{rows.error}</Text>}
      <VirtualTable
        columns={columns}
        rows={rows}
        rowKey={(r) => `${r.kind}:${r.key}`}
        sort={sort}
        onSort={setSort}
        onRowClick={(r) => setOpen({ kind: r.kind, key: r.key })}
        height="calc(100vh - 360px)"
        empty={t('grading.subjects.empty')}
        testId="grading-subjects"
      />
      <SubjectDrawer subject={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
