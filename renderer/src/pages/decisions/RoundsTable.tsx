// The decision rounds as a table (DOM): open ones first; a click shows the round below.
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundView } from '../../../../shared/api/routes/decisions';
import { formatDate } from '../../components/format';

interface Props {
  rounds: RoundView[];
  selected: number | null;
  onSelect(id: number): void;
}

export function RoundsTable({ rounds, selected, onSelect }: Props): React.JSX.Element {
  const { t } = useTranslation();
  if (rounds.length === 0) return <Text c="dimmed">{t('decisions.rounds.empty')}</Text>;
  return (
    <Table highlightOnHover verticalSpacing={6} data-testid="rounds-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('decisions.rounds.col.title')}</Table.Th>
          <Table.Th>{t('decisions.rounds.col.kind')}</Table.Th>
          <Table.Th>{t('decisions.rounds.col.openedOn')}</Table.Th>
          <Table.Th>{t('decisions.rounds.col.state')}</Table.Th>
          <Table.Th ta="right">{t('decisions.rounds.col.applicants')}</Table.Th>
          <Table.Th ta="right">{t('decisions.rounds.col.decided')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rounds.map((r) => (
          <Table.Tr
            key={r.id}
            tabIndex={0}
            onClick={() => onSelect(r.id)}
            onKeyDown={(e) => e.key === 'Enter' && onSelect(r.id)}
            style={{ cursor: 'pointer', background: r.id === selected ? 'var(--mantine-color-blue-light)' : undefined }}
            data-testid="round-row"
            data-title={r.title}
            aria-selected={r.id === selected}
          >
            <Table.Td fw={r.id === selected ? 600 : 400}>{r.title}</Table.Td>
            <Table.Td>{t(`decisions.kind.${r.kind}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.openedOn)}</Table.Td>
            <Table.Td>
              <Badge color={r.state === 'open' ? 'blue' : 'gray'} variant="light">
                {t(`decisions.state.${r.state}`)}
              </Badge>
            </Table.Td>
            <Table.Td ta="right">{r.applicants}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {t('decisions.rounds.counts', { granted: r.granted, declined: r.declined, pending: r.pending })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
