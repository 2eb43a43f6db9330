// Small pieces of the data exchange screen (runs in the DOM): a fingerprint shown big in groups, the
// contents of a bundle as words, a partner's name from its USCC, and state badges.
import { Badge, Group, Paper, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { formatCount, formatList } from '../../components/format';
import { inKindOrder } from '../../../../shared/api/syncWords';

export interface PartnerLike {
  uscc: string;
  name: string;
}

/** The fingerprint in its groups of four, large and monospace, to read aloud or compare on paper. */
export function Fingerprint({ value, size = 'xl', testId }: { value: string; size?: 'md' | 'xl'; testId?: string }): React.JSX.Element {
  const groups = value.split(/\s+/).filter(Boolean);
  return (
    <Group gap={size === 'xl' ? 'sm' : 6} wrap="wrap" data-testid={testId} data-fingerprint={groups.join(' ')}>
      {groups.map((g, i) => (
        <Paper key={i} withBorder px={size === 'xl' ? 'sm' : 6} py={size === 'xl' ? 4 : 0} bg="gray.0">
          <Text ff="monospace" fw={600} fz={size === 'xl' ? 26 : 'sm'} lts={size === 'xl' ? 2 : 0.5} style={{ whiteSpace: 'nowrap' }}>
            {g}
          </Text>
        </Paper>
      ))}
    </Group>
  );
}

/** 教师 3、信用记录 12 / 3 teachers, 12 records; an empty set is an acknowledgement or no change. */
export function countsText(t: TFunction, counts: Record<string, number>, empty: string): string {
  const items = inKindOrder(Object.entries(counts))
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => t('sync.countItem', { kind: t(`sync.kinds.${kind}`, { defaultValue: kind }), n: formatCount(n) }));
  return items.length > 0 ? formatList(items) : empty;
}

export function partnerName(partners: readonly PartnerLike[], uscc: string): string {
  return partners.find((p) => p.uscc === uscc)?.name ?? uscc;
}

/** The sequence of a bundle from its file name, <USCC>-<seq>.ecb, or null. */
export function sequenceOf(fileName: string): number | null {
  const m = /-(\d+)\.ecb$/i.exec(fileName);
  return m ? Number(m[1]) : null;
}

export function StateBadge({ ok, yes, no }: { ok: boolean; yes: string; no: string }): React.JSX.Element {
  return (
    <Badge color={ok ? 'green' : 'orange'} variant="light" tt="none" style={{ whiteSpace: 'nowrap' }}>
      {ok ? yes : no}
    </Badge>
  );
}
