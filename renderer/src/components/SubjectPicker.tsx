// Picks a teacher or a student by searching the core (DOM): a searchable Select whose options are
// the first matches of teachers.list / students.list for what was typed (name, ID number, staff or
// student number), so it works the same with 20 or 5,000 people.
import { useEffect, useState } from 'react';
import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';

export type SubjectKind = 'teacher' | 'student';

export interface PickedSubject {
  id: number;
  label: string;
}

const MATCHES = 20;

async function search(kind: SubjectKind, q: string): Promise<PickedSubject[]> {
  const query = q.trim() ? { q: q.trim() } : {};
  if (kind === 'teacher') {
    const r = await call('teachers.list', { ...query, status: 'active', limit: MATCHES });
    return r.ok ? r.value.rows.map((x) => ({ id: x.id, label: `${x.name} · ${x.staffNo} · ${x.subject}` })) : [];
  }
  const r = await call('students.list', { ...query, status: 'active', limit: MATCHES });
  return r.ok ? r.value.rows.map((x) => ({ id: x.id, label: `${x.name} · ${x.studentNo} · ${x.grade}${x.className}` })) : [];
}

interface Props {
  kind: SubjectKind;
  value: PickedSubject | null;
  onChange(value: PickedSubject | null): void;
  label: string;
  required?: boolean;
  disabled?: boolean;
  error?: string | null;
}

export function SubjectPicker({ kind, value, onChange, label, required = false, disabled = false, error = null }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState(value?.label ?? '');
  const [debounced] = useDebouncedValue(searchValue, 250);
  const [options, setOptions] = useState<PickedSubject[]>(value ? [value] : []);

  useEffect(() => {
    // Typing that only repeats the chosen label is not a new search.
    if (value && debounced === value.label) return;
    let live = true;
    void search(kind, debounced).then((found) => {
      if (live) setOptions(value && !found.some((f) => f.id === value.id) ? [value, ...found] : found);
    });
    return () => {
      live = false;
    };
  }, [kind, debounced, value]);

  return (
    <Select
      label={label}
      placeholder={t('records.pickSubject')}
      searchable
      clearable
      required={required}
      disabled={disabled}
      error={error}
      data={options.map((o) => ({ value: String(o.id), label: o.label }))}
      // The core already filtered by what was typed; filtering again here would hide ID-number matches.
      filter={({ options: o }) => o}
      value={value ? String(value.id) : null}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      onChange={(v) => onChange(options.find((o) => String(o.id) === v) ?? null)}
      nothingFoundMessage={t('common.noMatches')}
      data-testid={`pick-${kind}`}
    />
  );
}
