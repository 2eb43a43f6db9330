// The list of negative-list cases (DOM): filter by state and overdue, open a case, pick one to see it.
import { useState } from 'react';
import { Alert, Button, Card, Group, ScrollArea, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_STATES, OPENERS, type CaseState } from '../../../../shared/domain/negativeList';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { formatDate } from '../../components/format';
import { CaseStateBadge, OverdueBadge } from './caseText';
import { OpenCaseModal } from './OpenCaseModal';

export function CaseList({ onPick }: { onPick(id: number): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const [state, setState] = useState<CaseState | 'all'>('all');
  const [overdue, setOverdue] = useState(false);
  const [opening, setOpening] = useState(false);
  const cases = useLoad('cases.list', { ...(state === 'all' ? {} : { state }), ...(overdue ? { overdue: true } : {}) });
  const staff = OPENERS.includes(me.user.role);

  return (
    <Stack>
      <Card withBorder padding="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <Select
            label={t('cases.filterState')}
            w={200}
            value={state}
            allowDeselect={false}
            onChange={(v) => setState((v as CaseState | 'all' | null) ?? 'all')}
            data={[{ value: 'all', label: t('cases.all') }, ...CASE_STATES.map((s) => ({ value: s, label: t(`cases.state.${s}`) }))]}
            data-testid="cases-state"
          />
          <Switch label={t('cases.overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} mb={8} data-testid="cases-overdue" />
          <div style={{ flex: 1 }} />
          {staff && (
            <Button onClick={() => setOpening(true)} data-testid="case-open">
              {t('cases.open')}
            </Button>
          )}
        </Group>
      </Card>
      {cases.error && <Alert color="red">{cases.error}</Alert>}
      {cases.data && (
        <Text size="sm" c="dimmed" data-testid="cases-count">
          {t('cases.count', { count: cases.data.length })}
        </Text>
      )}
      {cases.data && cases.data.length === 0 && <Text c="dimmed">{t('cases.none')}</Text>}
      {cases.data && cases.data.length > 0 && (
        <ScrollArea type="auto">
          <Table striped highlightOnHover verticalSpacing="xs" miw={960} data-testid="cases-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('cases.col.number')}</Table.Th>
                <Table.Th>{t('cases.col.school')}</Table.Th>
                <Table.Th>{t('cases.col.matter')}</Table.Th>
                <Table.Th>{t('cases.col.openedOn')}</Table.Th>
                <Table.Th>{t('cases.col.state')}</Table.Th>
                <Table.Th>{t('cases.col.deadline')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.data.map((c) => (
                <Table.Tr key={c.id} tabIndex={0} onClick={() => onPick(c.id)} onKeyDown={(e) => e.key === 'Enter' && onPick(c.id)} style={{ cursor: 'pointer' }} data-testid="case-row" data-number={c.number} data-state={c.state}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.number}</Table.Td>
                  <Table.Td>{c.institutionName}</Table.Td>
                  <Table.Td>{c.matter}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.openedOn)}</Table.Td>
                  <Table.Td>
                    <CaseStateBadge state={c.state} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={6} wrap="nowrap">
                      {c.notice ? formatDate(c.notice.deadline) : '—'}
                      {c.overdue && <OverdueBadge />}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <OpenCaseModal
        opened={opening}
        onClose={() => setOpening(false)}
        onOpened={(id) => {
          setOpening(false);
          cases.reload();
          onPick(id);
        }}
      />
    </Stack>
  );
}
