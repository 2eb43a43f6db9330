// 收发记录 (runs in the DOM): the outbox (bundles exported, confirmed by the other side or not) and
// the inbox (bundles imported, when, and what they held), newest first.
import { ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../components/format';
import { formatDateTime } from '../../i18n';
import { countsText, partnerName, StateBadge } from './syncText';
import type { SyncState } from './types';

export function HistoryPanel({ state }: { state: SyncState }): React.JSX.Element {
  const { t } = useTranslation();
  const name = (uscc: string): string => partnerName(state.partners, uscc);
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={4}>{t('sync.history.outbox')}</Title>
        {state.outbox.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="sync-no-outbox">
            {t('sync.history.noOutbox')}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <Table striped verticalSpacing="xs" miw={900} data-testid="sync-outbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.history.fileName')}</Table.Th>
                  <Table.Th>{t('sync.history.recipient')}</Table.Th>
                  <Table.Th>{t('sync.history.createdAt')}</Table.Th>
                  <Table.Th>{t('sync.history.contents')}</Table.Th>
                  <Table.Th>{t('sync.history.size')}</Table.Th>
                  <Table.Th>{t('sync.history.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.outbox.map((r) => (
                  <Table.Tr key={`${r.recipient}-${r.seq}`} data-testid="sync-outbox-row" data-file={r.fileName} data-acknowledged={r.acknowledged}>
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {r.fileName}
                    </Table.Td>
                    <Table.Td>{name(r.recipient)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</Table.Td>
                    <Table.Td>{countsText(t, r.counts, t('sync.ackOnly'))}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(r.bytes)}</Table.Td>
                    <Table.Td>
                      <StateBadge ok={r.acknowledged} yes={t('sync.history.acknowledged')} no={t('sync.history.pending')} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
      <Stack gap="xs">
        <Title order={4}>{t('sync.history.inbox')}</Title>
        {state.inbox.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="sync-no-inbox">
            {t('sync.history.noInbox')}
          </Text>
        ) : (
          <ScrollArea type="auto">
            <Table striped verticalSpacing="xs" miw={760} data-testid="sync-inbox">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sync.history.sender')}</Table.Th>
                  <Table.Th>{t('sync.history.sequence')}</Table.Th>
                  <Table.Th>{t('sync.history.appliedAt')}</Table.Th>
                  <Table.Th>{t('sync.history.contents')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {state.inbox.map((r) => (
                  <Table.Tr key={`${r.sender}-${r.seq}`} data-testid="sync-inbox-row" data-sender={r.sender} data-seq={r.seq}>
                    <Table.Td>{name(r.sender)}</Table.Td>
                    <Table.Td>{r.seq}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.appliedAt)}</Table.Td>
                    <Table.Td>{countsText(t, r.counts, t('sync.ackOnly'))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Stack>
    </Stack>
  );
}
