// 检查计划 (DOM): the plans with their counts and their recorded draws — seed and pool size shown,
// so anyone can re-run a draw, and a button that re-runs it from its record — and, for the
// administrator, a form for a new plan.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { PLAN_KINDS } from '../../../../shared/api/routes/inspections';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { DateField } from '../../components/DateField';
import { formatDate } from '../../components/format';
import { formatDateTime } from '../../i18n';
import { DrawSummary, DrawTable } from './DrawTable';
import type { Plan, Plans } from './inspectionText';

type PlanKind = (typeof PLAN_KINDS)[number];

function NewPlanForm({ onCreated }: { onCreated(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<PlanKind>('double_random');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const create = useAction('inspections.createPlan');
  return (
    <Card withBorder maw={1100}>
      <Stack gap="sm">
        <Title order={5}>{t('inspections.plans.newPlan')}</Title>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('inspections.plans.titleLabel')}
            placeholder={t('inspections.plans.titlePlaceholder')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            style={{ flex: '1 1 280px' }}
            data-testid="plan-title"
          />
          <Select
            label={t('inspections.plans.kind')}
            w={180}
            data={PLAN_KINDS.map((k) => ({ value: k, label: t(`inspections.planKinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as PlanKind)}
            allowDeselect={false}
            data-testid="plan-kind"
          />
          <DateField label={t('inspections.plans.from')} value={from} onChange={setFrom} w={170} testId="plan-from" />
          <DateField label={t('inspections.plans.to')} value={to} onChange={setTo} w={170} testId="plan-to" />
        </Group>
        {create.error && <Alert color="red">{create.error}</Alert>}
        <Group>
          <Button
            disabled={!title.trim() || !from || !to}
            loading={create.busy}
            data-testid="plan-create"
            onClick={() =>
              void create.run({ title, kind, periodFrom: from, periodTo: to }).then((p) => {
                if (!p) return;
                notifications.show({ color: 'teal', message: t('inspections.plans.created', { title: p.title }) });
                setTitle('');
                onCreated();
              })
            }
          >
            {t('inspections.plans.create')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VerifyModal({ drawId, onClose }: { drawId: number | null; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Modal opened={drawId !== null} onClose={onClose} title={t('inspections.verify.title', { id: drawId ?? '' })} size="90%">
      {drawId !== null && <VerifyBody drawId={drawId} />}
    </Modal>
  );
}

function VerifyBody({ drawId }: { drawId: number }): React.JSX.Element {
  const { t } = useTranslation();
  const { data, error } = useLoad('inspections.verifyDraw', { drawId });
  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return <Loader />;
  return (
    <Stack>
      <Alert color={data.reproduced ? 'teal' : 'red'} data-testid="verify-result" data-reproduced={data.reproduced}>
        {data.reproduced ? t('inspections.verify.ok', { seed: data.draw.seed }) : t('inspections.verify.bad')}
      </Alert>
      <DrawSummary draw={data.result} />
      <DrawTable draw={data.result} />
    </Stack>
  );
}

function PlanCard({ plan, onVerify }: { plan: Plan; onVerify(drawId: number): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="plan-card" data-plan={plan.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Text fw={600}>{plan.title}</Text>
            <Badge variant="light">{t(`inspections.planKinds.${plan.kind}`)}</Badge>
          </Group>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('common.labelValue', { label: t('inspections.plans.period'), value: `${formatDate(plan.periodFrom)} – ${formatDate(plan.periodTo)}` })}
          </Text>
        </Group>
        <Group gap="xs">
          <Text size="sm">{t('inspections.plans.counts', plan.counts)}</Text>
          {plan.counts.overdue > 0 && (
            <Badge color="red" variant="filled">
              {t('inspections.plans.overdueCount', { n: plan.counts.overdue })}
            </Badge>
          )}
        </Group>
        {plan.kind !== 'routine' &&
          (plan.draws.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('inspections.plans.noDraws')}
            </Text>
          ) : (
            plan.draws.map((d) => (
              <Group key={d.id} gap="sm" wrap="nowrap" data-testid="plan-draw" data-seed={d.seed}>
                <Text size="sm" style={{ flex: 1 }}>
                  {t('inspections.plans.draw', {
                    id: d.id,
                    seed: d.seed,
                    pool: d.poolSize,
                    inspectors: d.inspectorPool,
                    count: d.count,
                    per: d.inspectorsPerTarget,
                    by: d.createdBy,
                    at: formatDateTime(d.createdAt),
                  })}
                </Text>
                <Button size="xs" variant="light" onClick={() => onVerify(d.id)} data-testid="draw-verify">
                  {t('inspections.plans.verify')}
                </Button>
              </Group>
            ))
          ))}
      </Stack>
    </Card>
  );
}

export function PlansPanel({ data, admin, onChanged }: { data: Plans; admin: boolean; onChanged(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [verifying, setVerifying] = useState<number | null>(null);
  return (
    <Stack>
      {admin && <NewPlanForm onCreated={onChanged} />}
      {data.plans.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('inspections.plans.empty')}
        </Text>
      )}
      {data.plans.map((p) => (
        <PlanCard key={p.id} plan={p} onVerify={setVerifying} />
      ))}
      <VerifyModal drawId={verifying} onClose={() => setVerifying(null)} />
    </Stack>
  );
}
