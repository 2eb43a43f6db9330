// Chooses a catalogue item for a record (DOM): grouped by class of information, only the items that
// fit the person (teacher or student), each showing polarity, points, disclosure period and whether
// evidence is needed, so the clerk sees the consequence before saving.
import { Badge, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INFO_CLASSES } from '../../../../shared/domain/catalogue';
import type { CatalogueItemView } from '../../../../shared/api/routes/credit';
import { itemName } from '../../components/catalogue';
import { Points } from '../../components/Points';

interface Props {
  items: CatalogueItemView[];
  subjectKind: 'teacher' | 'student';
  value: number | null;
  onChange(item: CatalogueItemView | null): void;
  label: string;
  /** An item of an older catalogue version that an amended record keeps. */
  extra?: CatalogueItemView | null;
}

export function ItemFacts({ item }: { item: CatalogueItemView }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge size="xs" variant="light" color={item.polarity === 'positive' ? 'teal' : 'red'}>
        {t(`records.${item.polarity}`)}
      </Badge>
      <Points value={item.points} />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('records.months', { count: item.disclosureMonths })}
      </Text>
      {item.evidenceRequired && (
        <Badge size="xs" variant="outline" color="orange">
          {t('records.needsEvidence')}
        </Badge>
      )}
    </Group>
  );
}

export function CatalogueSelect({ items, subjectKind, value, onChange, label, extra = null }: Props): React.JSX.Element {
  const { t } = useTranslation();
  const fitting = items.filter((i) => i.subjectKinds.includes(subjectKind));
  if (extra && !fitting.some((i) => i.id === extra.id)) fitting.push(extra);
  const byId = new Map(fitting.map((i) => [String(i.id), i]));
  const data = INFO_CLASSES.map((c) => ({
    group: t(`infoClass.${c}`),
    items: fitting.filter((i) => i.infoClass === c).map((i) => ({ value: String(i.id), label: `${i.code} ${itemName(i)}` })),
  })).filter((g) => g.items.length > 0);
  const selected = value === null ? undefined : byId.get(String(value));
  return (
    <div>
      <Select
        label={label}
        placeholder={t('records.pickItem')}
        data={data}
        value={value === null ? null : String(value)}
        onChange={(v) => onChange(v === null ? null : (byId.get(v) ?? null))}
        searchable
        required
        maxDropdownHeight={360}
        nothingFoundMessage={t('common.noMatches')}
        renderOption={({ option }) => {
          const item = byId.get(option.value);
          return (
            <div>
              <Text size="sm">{option.label}</Text>
              {item && <ItemFacts item={item} />}
            </div>
          );
        }}
        data-testid="item-select"
      />
      {selected && (
        <Group mt={4}>
          <ItemFacts item={selected} />
        </Group>
      )}
    </div>
  );
}
