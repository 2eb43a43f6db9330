// The filters of the records list (DOM): search, catalogue item, class of information, status,
// date range and (students) class. Every filter runs in the core (records.list).
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INFO_CLASSES, type InfoClass } from '../../../../shared/domain/catalogue';
import { RECORD_STATUSES, type RecordStatus } from '../../../../shared/domain/creditRules';
import type { CatalogueItemView } from '../../../../shared/api/routes/credit';
import { itemName } from '../../components/catalogue';
import { DateField } from '../../components/DateField';

export interface RecordFilter {
  q: string;
  itemCode: string | null;
  infoClass: InfoClass | null;
  status: RecordStatus | null;
  from: string;
  to: string;
  classId: number | null;
}

export const EMPTY_FILTER: RecordFilter = { q: '', itemCode: null, infoClass: null, status: null, from: '', to: '', classId: null };

interface Props {
  value: RecordFilter;
  onChange(f: RecordFilter): void;
  items: CatalogueItemView[];
  subjectKind: 'teacher' | 'student';
  classes: { id: number; grade: string; name: string }[];
}

export function RecordFilters({ value, onChange, items, subjectKind, classes }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const set = <K extends keyof RecordFilter>(k: K, v: RecordFilter[K]): void => onChange({ ...value, [k]: v });
  const fitting = items.filter((i) => i.subjectKinds.includes(subjectKind) && (!value.infoClass || i.infoClass === value.infoClass));
  return (
    <Group align="flex-end" gap="xs">
      <TextInput label={t('common.search')} placeholder={t('records.search')} value={value.q} onChange={(e) => set('q', e.currentTarget.value)} w={190} data-testid="records-search" />
      <Select
        label={t('records.infoClassFilter')}
        data={INFO_CLASSES.map((c) => ({ value: c, label: t(`infoClass.${c}`) }))}
        value={value.infoClass}
        onChange={(v) => onChange({ ...value, infoClass: (INFO_CLASSES as readonly string[]).includes(v ?? '') ? (v as InfoClass) : null, itemCode: null })}
        placeholder={t('common.all')}
        clearable
        w={150}
      />
      <Select
        label={t('records.itemFilter')}
        data={fitting.map((i) => ({ value: i.code, label: `${i.code} ${itemName(i)}` }))}
        value={value.itemCode}
        onChange={(v) => set('itemCode', v)}
        placeholder={t('common.all')}
        clearable
        searchable
        w={200}
        comboboxProps={{ width: 380, position: 'bottom-start' }}
        data-testid="records-item"
      />
      <Select
        label={t('records.statusFilter')}
        data={RECORD_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={value.status}
        onChange={(v) => set('status', (RECORD_STATUSES as readonly string[]).includes(v ?? '') ? (v as RecordStatus) : null)}
        placeholder={t('common.all')}
        clearable
        data-testid="records-status"
        w={110}
      />
      {subjectKind === 'student' && (
        <Select
          label={t('records.classFilter')}
          data={classes.map((c) => ({ value: String(c.id), label: `${c.grade} ${c.name}` }))}
          value={value.classId === null ? null : String(value.classId)}
          onChange={(v) => set('classId', v === null ? null : Number(v))}
          placeholder={t('common.all')}
          clearable
          searchable
          w={150}
        />
      )}
      <Stack gap={0}>
        <Text size="sm" fw={500}>
          {t('records.occurredOn')}
        </Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <DateField ariaLabel={t('records.from')} value={value.from} onChange={(v) => set('from', v)} w={140} testId="records-from" placeholder={t('common.anyDate')} />
          <Text size="sm" pt={8}>
            {t('records.to')}
          </Text>
          <DateField ariaLabel={t('records.toDate')} value={value.to} onChange={(v) => set('to', v)} w={140} testId="records-to" placeholder={t('common.anyDate')} />
        </Group>
      </Stack>
    </Group>
  );
}
