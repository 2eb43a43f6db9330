// Teachers of every school, or of one (DOM): searched by name, staff number or school, filtered by
// grade, paged by the core; a row opens the teacher's file.
import { useCallback, useMemo, useState } from 'react';
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { SchoolTeacherRow } from '../../../../shared/api/routes/schoolTeachers';
import { gradeLabel } from '../../../../shared/api/gradingMessages';
import { GRADES, type Grade } from '../../../../shared/domain/creditRules';
import { call } from '../../api/client';
import { GradeBadge } from '../../components/GradeExplanation';
import { ListBadges } from '../../components/ListBadges';
import { PersonStatusBadge } from '../../components/StatusBadge';
import { formatCount } from '../../components/format';
import { usePagedRows } from '../../components/usePagedRows';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { currentLang } from '../../i18n';
import { TeacherFileDrawer } from './TeacherFileDrawer';

/** `school`: one school's teachers only (its registry entry's tab); `empty`: what an empty list says there. */
export function TeacherList({ school, height, empty }: { school?: string; height: string; empty?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [grade, setGrade] = useState<Grade | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const filter = useMemo(() => ({ ...(school ? { school } : {}), ...(grade ? { grade } : {}), ...(debouncedQ.trim() ? { q: debouncedQ.trim() } : {}) }), [school, grade, debouncedQ]);
  const fetchPage = useCallback((offset: number, limit: number) => call('schoolTeachers.list', { ...filter, offset, limit }), [filter]);
  const rows = usePagedRows(fetchPage, JSON.stringify(filter));

  const columns: Column<SchoolTeacherRow>[] = [
    { key: 'name', header: t('schoolTeachers.col.name'), width: 120, render: (r) => r.name },
    ...(school ? [] : [{ key: 'school', header: t('schoolTeachers.col.school'), render: (r: SchoolTeacherRow) => r.schoolName }]),
    { key: 'staffNo', header: t('schoolTeachers.col.staffNo'), width: 100, render: (r) => r.staffNo || '—' },
    { key: 'subject', header: t('schoolTeachers.col.subject'), width: 100, render: (r) => r.subject || '—' },
    { key: 'status', header: t('schoolTeachers.col.status'), width: 90, render: (r) => <PersonStatusBadge active={r.status === 'active'} kind="teacher" /> },
    { key: 'grade', header: t('schoolTeachers.col.grade'), width: 150, render: (r) => <GradeBadge grade={r.grade} size="sm" /> },
    { key: 'lists', header: t('schoolTeachers.col.lists'), width: 150, render: (r) => <ListBadges lists={r.lists} /> },
  ];

  return (
    <Stack>
      <Group align="flex-end">
        <TextInput label={t('schoolTeachers.search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} w={240} maxLength={50} data-testid="st-search" />
        <Select
          label={t('schoolTeachers.gradeFilter')}
          data={GRADES.map((g) => ({ value: g, label: gradeLabel(g, currentLang()) }))}
          value={grade}
          onChange={(v) => setGrade((v as Grade | null) ?? null)}
          placeholder={t('common.all')}
          clearable
          w={170}
          data-testid="st-grade"
        />
        <Text size="sm" c="dimmed" pb={6} data-testid="st-total">
          {rows.total !== null && t('schoolTeachers.total', { n: formatCount(rows.total) })}
        </Text>
      </Group>
      {rows.error && <Text c="red">{rows.error}</Text>}
      <VirtualTable columns={columns} rows={rows} rowKey={(r) => r.key} onRowClick={(r) => setOpen(r.key)} height={height} empty={empty ?? t('schoolTeachers.empty')} testId="st-table" />
      <TeacherFileDrawer teacherKey={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
