// 日常检查周期 (DOM): the institutions whose routine inspection is due or overdue under their credit
// grade, and — for the administrator — planning one with chosen inspectors and a due day.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, MultiSelect, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../app/useAction';
import { GradeBadge } from '../../components/GradeExplanation';
import { useLoad } from '../../app/useLoad';
import { DateField } from '../../components/DateField';
import { formatDate, todayIso } from '../../components/format';
import type { Plans, ScheduleRow } from './inspectionText';

const HORIZONS = [0, 30, 90, 365] as const;

export function SchedulePanel({ plans, admin, onChanged }: { plans: Plans; admin: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [horizon, setHorizon] = useState<number>(30);
  const [planning, setPlanning] = useState<ScheduleRow | null>(null);
  const s = useLoad('inspections.schedule', { horizonDays: horizon });
  const overdue = s.data?.rows.filter((r) => r.status === 'overdue').length ?? 0;
  return (
    <Stack>
      {s.data && (
        <Text size="sm" maw={900}>
          {t('inspections.schedule.intro', s.data.months)}
        </Text>
      )}
      <Group>
        <Text size="sm">{t('inspections.schedule.horizon')}</Text>
        <SegmentedControl
          value={String(horizon)}
          onChange={(v) => setHorizon(Number(v))}
          data={HORIZONS.map((h) => ({ value: String(h), label: t(`inspections.schedule.horizon${h}`) }))}
          data-testid="schedule-horizon"
        />
        {s.data && (
          <Group gap={6}>
            <Badge color="red" variant="filled">
              {t('inspections.schedule.countOverdue', { n: overdue })}
            </Badge>
            <Badge color="yellow" variant="light">
              {t('inspections.schedule.countDue', { n: s.data.rows.length - overdue })}
            </Badge>
          </Group>
        )}
      </Group>
      {s.error && <Alert color="red">{s.error}</Alert>}
      {!s.data && !s.error && <Loader />}
      {s.data && s.data.rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('inspections.schedule.empty')}
        </Text>
      )}
      {s.data && s.data.rows.length > 0 && (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={1000} data-testid="schedule-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('inspections.schedule.institution')}</Table.Th>
                <Table.Th>{t('inspections.schedule.kind')}</Table.Th>
                <Table.Th>{t('inspections.schedule.grade')}</Table.Th>
                <Table.Th>{t('inspections.schedule.months')}</Table.Th>
                <Table.Th>{t('inspections.schedule.since')}</Table.Th>
                <Table.Th>{t('inspections.schedule.nextDue')}</Table.Th>
                <Table.Th>{t('inspections.schedule.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.data.rows.map((r) => (
                <Table.Tr key={r.institutionId} data-testid="schedule-row" data-institution={r.institutionId} data-status={r.status}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`inspections.kinds.${r.kind}`)}</Table.Td>
                  <Table.Td>
                    <GradeBadge grade={r.grade} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('inspections.schedule.monthsN', { n: r.months })}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t(r.sinceKind === 'inspection' ? 'inspections.schedule.sinceInspection' : 'inspections.schedule.sinceRegistered', { date: formatDate(r.since) })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.nextDueOn)}</Table.Td>
                  <Table.Td>
                    {r.status === 'overdue' ? (
                      <Badge color="red" variant="filled">
                        {t('inspections.overdue')}
                      </Badge>
                    ) : (
                      <Badge color="yellow" variant="light">
                        {t('inspections.schedule.due')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {r.planned ? (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {t('inspections.schedule.planned', { date: formatDate(r.planned.dueOn) })}
                      </Text>
                    ) : (
                      admin && (
                        <Button size="xs" variant="light" onClick={() => setPlanning(r)} data-testid="schedule-plan">
                          {t('inspections.schedule.plan')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      )}
      <Modal opened={planning !== null} onClose={() => setPlanning(null)} title={planning ? t('inspections.create.title', { name: planning.name }) : ''}>
        {planning && (
          <PlanInspectionForm
            key={planning.institutionId}
            row={planning}
            plans={plans}
            onDone={() => {
              setPlanning(null);
              s.reload();
              onChanged();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function PlanInspectionForm({ row, plans, onDone }: { row: ScheduleRow; plans: Plans; onDone(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [inspectors, setInspectors] = useState<string[]>([]);
  const [dueOn, setDueOn] = useState('');
  const routine = plans.plans.filter((p) => p.kind === 'routine' && p.periodTo >= todayIso());
  const [planId, setPlanId] = useState<string | null>(null);
  const create = useAction('inspections.create');
  return (
    <Stack>
      <MultiSelect
        label={t('inspections.create.inspectors')}
        data={plans.inspectors.map((p) => ({ value: String(p.id), label: p.displayName }))}
        value={inspectors}
        onChange={setInspectors}
        maxValues={10}
        data-testid="create-inspectors"
      />
      <DateField label={t('inspections.create.dueOn')} value={dueOn} onChange={setDueOn} testId="create-due-on" />
      {routine.length > 0 && (
        <Select label={t('inspections.create.plan')} data={routine.map((p) => ({ value: String(p.id), label: p.title }))} value={planId} onChange={setPlanId} clearable />
      )}
      {create.error && <Alert color="red">{create.error}</Alert>}
      <Group justify="flex-end">
        <Button
          disabled={inspectors.length === 0 || !dueOn}
          loading={create.busy}
          data-testid="create-submit"
          onClick={() =>
            void create.run({ institutionId: row.institutionId, inspectorIds: inspectors.map(Number), dueOn, ...(planId ? { planId: Number(planId) } : {}) }).then((r) => {
              if (!r) return;
              notifications.show({ color: 'teal', message: t('inspections.create.done') });
              onDone();
            })
          }
        >
          {t('inspections.create.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
