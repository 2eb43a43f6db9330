// 异议处理 (DOM): the objections still to decide, and those decided with their decision, reason,
// who and when (objections.list). The school administrator decides each one, upheld (the core
// revokes the record) or rejected, with a reason; an auditor only reads. Both lists print and export.
import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Modal, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RecordView } from '../../../../shared/api/routes/credit';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { ReasonForm } from '../../components/ReasonForm';
import { StatusBadge } from '../../components/StatusBadge';
import { Points } from '../../components/Points';
import { formatDate } from '../../components/format';
import { itemName } from '../../components/catalogue';
import { useNav } from '../../components/navigation';
import { formatDateTime } from '../../i18n';
import { ListExport } from '../../components/ListExport';
import { EvidenceLinks } from '../records/EvidenceLinks';

function Decide({ record, onDone, onCancel }: { record: RecordView; onDone(decision: 'upheld' | 'rejected'): void; onCancel(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'upheld' | 'rejected'>('rejected');
  const decide = useAction('objections.decide');
  const objection = record.objection;
  if (!objection) return <></>;
  return (
    <ReasonForm
      label={t('objections.reason')}
      submitLabel={t('common.confirm')}
      color={decision === 'upheld' ? 'orange' : 'teal'}
      busy={decide.busy}
      error={decide.apiError}
      onCancel={onCancel}
      onSubmit={async (reason) => {
        if (await decide.run({ objectionId: objection.id, decision, reason })) onDone(decision);
      }}
    >
      <Text size="sm" fw={500}>
        {record.subjectName} · {formatDate(record.occurredOn)} · {record.item.code} {itemName(record.item)}
      </Text>
      <Text size="sm">{record.description}</Text>
      <Text size="sm" c="orange.8">
        {t('common.labelValue', { label: t('objections.objectionReason'), value: objection.reason })}
      </Text>
      {objection.evidence.length > 0 && (
        <Group gap="xs" align="flex-start" data-testid="decide-evidence">
          <Text size="sm" c="dimmed">
            {t('objections.attached')}
          </Text>
          <EvidenceLinks record={record} files={objection.evidence} />
        </Group>
      )}
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('objections.decision')}
        </Text>
        <SegmentedControl
          value={decision}
          onChange={(v) => setDecision(v === 'upheld' ? 'upheld' : 'rejected')}
          data={[
            { value: 'rejected', label: t('objections.rejected') },
            { value: 'upheld', label: t('objections.upheld') },
          ]}
          data-testid="decision"
        />
      </Stack>
    </ReasonForm>
  );
}

function Decision({ record }: { record: RecordView }): React.JSX.Element | null {
  const { t } = useTranslation();
  const o = record.objection;
  if (!o?.decision) return null;
  return (
    <Alert color={o.decision === 'upheld' ? 'teal' : 'gray'} variant="light" py={6} data-testid="objection-decision">
      <Text size="sm" fw={500}>
        {o.decision === 'upheld' ? t('objections.upheld') : t('objections.rejected')}
      </Text>
      <Text size="sm">{t('common.labelValue', { label: t('objections.reason'), value: o.decisionReason ?? '' })}</Text>
      <Text size="xs" c="dimmed">
        {t('objections.decidedBy', { who: o.decidedBy ?? '—', at: o.decidedAt ? formatDateTime(o.decidedAt) : '—' })}
      </Text>
    </Alert>
  );
}

export function ObjectionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const { go } = useNav();
  const [state, setState] = useState<'open' | 'decided'>('open');
  const { data, error, reload } = useLoad('objections.list', { state });
  const [deciding, setDeciding] = useState<RecordView | null>(null);
  const canDecide = me.user.role === 'school_admin';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('objections.title')}</Title>
        <ListExport route="objections.export" filter={{ state }} testId="objections-export" />
      </Group>
      {!canDecide && <Alert color="gray">{t('objections.readOnly')}</Alert>}
      <Tabs value={state} onChange={(v) => setState(v === 'decided' ? 'decided' : 'open')}>
        <Tabs.List>
          <Tabs.Tab value="open" data-testid="objections-open">
            {t('objections.open')}
          </Tabs.Tab>
          <Tabs.Tab value="decided" data-testid="objections-decided">
            {t('objections.decided')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Loader />}
      {data?.length === 0 && <Text c="dimmed">{state === 'open' ? t('objections.none') : t('objections.noneDecided')}</Text>}
      {data?.map((r) => (
        <Card key={r.id} withBorder padding="md" data-testid={`objection-${r.id}`}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Group gap="xs">
                <Text fw={600}>{r.subjectName}</Text>
                <Text size="sm">{formatDate(r.occurredOn)}</Text>
                <StatusBadge status={r.status} />
                <Points value={r.item.points} />
              </Group>
              <Group gap="xs" wrap="nowrap">
                <Button size="xs" variant="subtle" onClick={() => go({ page: 'teacherFile', teacherId: r.subjectId })}>
                  {t('person.openFile')}
                </Button>
                {canDecide && r.objection?.decision === null && (
                  <Button size="xs" onClick={() => setDeciding(r)} data-testid="decide">
                    {t('objections.decide')}
                  </Button>
                )}
              </Group>
            </Group>
            <Text size="sm" fw={500}>
              {r.item.code} {itemName(r.item)}
            </Text>
            <Text size="sm">{r.description}</Text>
            {r.objection && (
              <Text size="sm" c="orange.8">
                {t('common.labelValue', { label: t('objections.objectionReason'), value: r.objection.reason })} · {t('objections.raisedAt')} {formatDateTime(r.objection.raisedAt)}
              </Text>
            )}
            {r.objection && r.objection.evidence.length > 0 && (
              <Group gap="xs" align="flex-start">
                <Text size="sm" c="dimmed">
                  {t('objections.attached')}
                </Text>
                <EvidenceLinks record={r} files={r.objection.evidence} />
              </Group>
            )}
            <Decision record={r} />
          </Stack>
        </Card>
      ))}
      <Modal opened={deciding !== null} onClose={() => setDeciding(null)} title={t('objections.decide')} size="lg">
        {deciding && (
          <Decide
            record={deciding}
            onCancel={() => setDeciding(null)}
            onDone={(decision) => {
              setDeciding(null);
              notifications.show({ color: 'teal', message: decision === 'upheld' ? t('objections.decidedUpheld') : t('objections.decidedRejected') });
              reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
