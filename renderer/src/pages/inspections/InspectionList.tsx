// 检查任务 (DOM): inspections with their state and an overdue flag, filtered by state, plan, overdue
// and "mine"; an inspector records the results of their own, the administrator any, and cancels.
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, ScrollArea, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INSPECTION_STATES } from '../../../../shared/api/routes/inspections';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { formatDate } from '../../components/format';
import { GradeBadge } from '../../components/GradeExplanation';
import { currentLang } from '../../i18n';
import { InspectionStateBadge, peopleText, type Inspection, type Plans } from './inspectionText';
import { CancelModal, RecordModal } from './ResultModals';

const PAGE = 50;
type State = (typeof INSPECTION_STATES)[number];

export function InspectionList({ plans, onChanged }: { plans: Plans; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const role = me.user.role;
  const [state, setState] = useState<State | null>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [mine, setMine] = useState(role === 'bureau_inspector');
  const [offset, setOffset] = useState(0);
  const [recording, setRecording] = useState<Inspection | null>(null);
  const [cancelling, setCancelling] = useState<Inspection | null>(null);
  const list = useLoad('inspections.list', {
    ...(state ? { state } : {}),
    ...(planId ? { planId: Number(planId) } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(mine ? { mine: true } : {}),
    offset,
    limit: PAGE,
  });
  // The auditor acts on nothing: no column of buttons.
  const actor = role === 'bureau_admin' || role === 'bureau_inspector';
  const sep = currentLang() === 'en' ? ', ' : '、';
  const canRecord = (r: Inspection): boolean => r.state === 'planned' && (role === 'bureau_admin' || (role === 'bureau_inspector' && r.inspectors.some((p) => p.id === me.user.id)));
  const changed = (): void => {
    setRecording(null);
    setCancelling(null);
    list.reload();
    onChanged();
  };
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setOffset(0);
  };

  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t('inspections.list.state')}
          placeholder={t('inspections.list.allStates')}
          data={INSPECTION_STATES.map((s) => ({ value: s, label: t(`inspections.states.${s}`) }))}
          value={state}
          onChange={filter((v: string | null) => setState(v as State | null))}
          clearable
          w={160}
          data-testid="list-state"
        />
        <Select
          label={t('inspections.list.plan')}
          placeholder={t('inspections.list.allPlans')}
          data={plans.plans.map((p) => ({ value: String(p.id), label: p.title }))}
          value={planId}
          onChange={filter(setPlanId)}
          clearable
          w={320}
        />
        <Checkbox label={t('inspections.list.onlyOverdue')} checked={overdue} onChange={(e) => filter(setOverdue)(e.currentTarget.checked)} mb={8} data-testid="list-overdue" />
        {role === 'bureau_inspector' && <Checkbox label={t('inspections.list.mine')} checked={mine} onChange={(e) => filter(setMine)(e.currentTarget.checked)} mb={8} data-testid="list-mine" />}
      </Group>
      {list.error && <Alert color="red">{list.error}</Alert>}
      {!list.data && !list.error && <Loader />}
      {list.data && list.data.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('inspections.list.empty')}
        </Text>
      )}
      {list.data && list.data.rows.length > 0 && (
        <>
          <ScrollArea type="auto">
            <Table striped verticalSpacing="xs" miw={980} data-testid="inspection-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('inspections.list.institution')}</Table.Th>
                  <Table.Th>{t('inspections.list.grade')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('inspections.list.inspectors')}</Table.Th>
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('inspections.list.dueOn')}</Table.Th>
                  <Table.Th>{t('inspections.list.state')}</Table.Th>
                  <Table.Th>{t('inspections.list.result')}</Table.Th>
                  {actor && <Table.Th>{t('inspections.list.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.rows.map((r) => (
                  <Table.Tr key={r.id} data-testid="inspection-row" data-id={r.id} data-institution={r.institutionId} data-state={r.state} data-overdue={r.overdue}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {r.institutionName}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {t(`inspections.kinds.${r.kind}`)} · {r.planTitle ?? t('inspections.list.noPlan')}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={110}>
                      <GradeBadge grade={r.grade} size="sm" />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{peopleText(r.inspectors, sep)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.dueOn)}</Table.Td>
                    <Table.Td miw={r.overdue ? 150 : 80}>
                      <InspectionStateBadge row={r} />
                    </Table.Td>
                    <Table.Td miw={180} maw={260}>
                      {r.result && (
                        <Stack gap={0}>
                          <Text size="sm">{t(`inspections.results.${r.result}`)}</Text>
                          <Text size="xs" c="dimmed" lineClamp={2} title={r.findings ?? ''}>
                            {r.doneOn && t('inspections.list.doneOn', { date: formatDate(r.doneOn) })} · {r.findings}
                          </Text>
                        </Stack>
                      )}
                      {r.cancelReason && (
                        <Text size="xs" c="dimmed">
                          {t('inspections.list.cancelled', { reason: r.cancelReason })}
                        </Text>
                      )}
                    </Table.Td>
                    {actor && (
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {canRecord(r) && (
                            <Button size="xs" onClick={() => setRecording(r)} data-testid="inspection-record">
                              {t('inspections.list.record')}
                            </Button>
                          )}
                          {role === 'bureau_admin' && r.state === 'planned' && (
                            <Button size="xs" variant="default" onClick={() => setCancelling(r)} data-testid="inspection-cancel">
                              {t('inspections.list.cancel')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="inspection-total">
              {t('common.totalN', { n: list.data.total })}
            </Text>
            {list.data.total > PAGE && (
              <Group gap="xs">
                <Button size="xs" variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {t('common.prev')}
                </Button>
                <Text size="sm">{t('common.page', { page: offset / PAGE + 1, pages: Math.ceil(list.data.total / PAGE) })}</Text>
                <Button size="xs" variant="default" disabled={offset + PAGE >= list.data.total} onClick={() => setOffset(offset + PAGE)}>
                  {t('common.nextPage')}
                </Button>
              </Group>
            )}
          </Group>
        </>
      )}
      <RecordModal row={recording} onClose={() => setRecording(null)} onDone={changed} />
      <CancelModal row={cancelling} onClose={() => setCancelling(null)} onDone={changed} />
    </Stack>
  );
}
