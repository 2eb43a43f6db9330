// 异议处理 (DOM): the open objections (objections.open). The school administrator decides each one,
// upheld (the core revokes the record) or rejected, with a reason; an auditor only reads.
import { useState } from 'react';
import { Alert, Button, Card, Group, Loader, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
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
      error={decide.error}
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

export function ObjectionsPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const { go } = useNav();
  const { data, error, reload } = useLoad('objections.open', {});
  const [deciding, setDeciding] = useState<RecordView | null>(null);
  const canDecide = me.user.role === 'school_admin';

  return (
    <Stack>
      <Title order={2}>{t('objections.title')}</Title>
      {!canDecide && <Alert color="gray">{t('objections.readOnly')}</Alert>}
      {error && <Alert color="red">{error}</Alert>}
      {!data && !error && <Loader />}
      {data?.length === 0 && <Text c="dimmed">{t('objections.none')}</Text>}
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
                {canDecide && (
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
