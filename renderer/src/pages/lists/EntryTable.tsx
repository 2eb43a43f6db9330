// The entries of one list (DOM): filter by state and in force, and the administrator's steps on
// each entry — approve or reject a proposal, publish or unpublish, end early — each with a reason
// where the rules want one.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, ScrollArea, SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ListEntryView } from '../../../../shared/api/routes/lists';
import { LIST_STATES, type ListKind, type ListState } from '../../../../shared/domain/supervision';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useAction } from '../../app/useAction';
import { useLoad } from '../../app/useLoad';
import { formatDate } from '../../components/format';
import { ReasonForm } from '../../components/ReasonForm';
import { errorText } from '../../i18n';

const STATE_COLOR: Record<ListState, string> = { proposed: 'yellow', approved: 'teal', rejected: 'gray', ended: 'dark' };

type Step = { kind: 'approve' | 'reject' | 'end'; entry: ListEntryView };

export function EntryTable({ list }: { list: ListKind }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const admin = me.user.role === 'bureau_admin';
  const [state, setState] = useState<ListState | 'all'>('all');
  const [current, setCurrent] = useState(false);
  const [step, setStep] = useState<Step | null>(null);
  const entries = useLoad('lists.list', { list, ...(state === 'all' ? {} : { state }), ...(current ? { inForce: true } : {}) });
  const decide = useAction('lists.decide');
  const end = useAction('lists.end');

  const origin = (e: ListEntryView): string =>
    e.origin === 'rule' ? t('lists.origin.rule', { rule: e.rule ?? '' }) : e.origin === 'case' ? t('lists.origin.case', { number: e.caseNumber ?? '' }) : t('lists.origin.manual');

  const togglePublished = async (e: ListEntryView): Promise<void> => {
    const r = await call(e.published ? 'lists.unpublish' : 'lists.publish', { id: e.id });
    if (r.ok) entries.reload();
    else notifications.show({ color: 'red', message: errorText(r.error) });
  };

  // A refusal belongs to the entry it was about; the next dialog starts clean.
  const closeStep = (): void => {
    setStep(null);
    decide.clear();
    end.clear();
  };

  const submitStep = async (reason: string): Promise<void> => {
    if (!step) return;
    const out = step.kind === 'end' ? await end.run({ id: step.entry.id, reason }) : await decide.run({ id: step.entry.id, decision: step.kind, reason });
    if (!out) return;
    notifications.show({ color: 'teal', message: step.kind === 'end' ? t('lists.end.done') : t('lists.decide.done', { what: t(`lists.actions.${step.kind}`) }) });
    setStep(null);
    entries.reload();
  };

  return (
    <Stack>
      <Group gap="md" wrap="wrap">
        <SegmentedControl
          value={state}
          onChange={(v) => setState(v as ListState | 'all')}
          data={[{ value: 'all', label: t('lists.all') }, ...LIST_STATES.map((s) => ({ value: s, label: t(`lists.state.${s}`) }))]}
          data-testid={`lists-state-${list}`}
        />
        <Switch label={t('lists.inForceOnly')} checked={current} onChange={(e) => setCurrent(e.currentTarget.checked)} />
      </Group>
      {entries.error && <Alert color="red">{entries.error}</Alert>}
      {entries.data && (
        <Text size="sm" c="dimmed">
          {t('lists.count', { count: entries.data.length })}
        </Text>
      )}
      {entries.data && entries.data.length === 0 && <Text c="dimmed">{t('lists.none')}</Text>}
      {entries.data && entries.data.length > 0 && (
        <ScrollArea type="auto">
          <Table striped verticalSpacing="xs" miw={980} data-testid={`lists-table-${list}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('lists.col.subject')}</Table.Th>
                <Table.Th>{t('lists.col.reason')}</Table.Th>
                <Table.Th>{t('lists.col.origin')}</Table.Th>
                <Table.Th>{t('lists.col.period')}</Table.Th>
                <Table.Th>{t('lists.col.state')}</Table.Th>
                {admin && <Table.Th>{t('lists.col.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.map((e) => (
                <Table.Tr key={e.id} data-testid="list-entry" data-state={e.state} data-subject={e.subjectName}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {e.subjectName}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`lists.subjectKind.${e.subjectKind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Text size="sm" lineClamp={3}>
                      {e.reason}
                    </Text>
                    {e.decisionReason && !e.reason.includes(e.decisionReason) && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {t('common.labelValue', { label: e.decidedBy, value: e.decisionReason })}
                      </Text>
                    )}
                    {e.endReason && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {e.endReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{origin(e)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatDate(e.startOn)}</Text>
                    <Text size="sm">– {formatDate(e.endOn)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-start">
                      <Badge color={STATE_COLOR[e.state]} variant="light">
                        {t(`lists.state.${e.state}`)}
                      </Badge>
                      {e.inForce && (
                        <Badge color="teal" variant="dot">
                          {t('lists.inForce')}
                        </Badge>
                      )}
                      {e.published && (
                        <Badge color="blue" variant="dot">
                          {t('lists.published')}
                        </Badge>
                      )}
                    </Stack>
                  </Table.Td>
                  {admin && (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        {e.state === 'proposed' && (
                          <>
                            <Button size="compact-sm" color="teal" onClick={() => setStep({ kind: 'approve', entry: e })} data-testid="entry-approve">
                              {t('lists.actions.approve')}
                            </Button>
                            <Button size="compact-sm" variant="light" color="gray" onClick={() => setStep({ kind: 'reject', entry: e })} data-testid="entry-reject">
                              {t('lists.actions.reject')}
                            </Button>
                          </>
                        )}
                        {(e.state === 'approved' || e.published) && (
                          <Button size="compact-sm" variant="light" onClick={() => void togglePublished(e)} data-testid={e.published ? 'entry-unpublish' : 'entry-publish'}>
                            {e.published ? t('lists.actions.unpublish') : t('lists.actions.publish')}
                          </Button>
                        )}
                        {e.state === 'approved' && e.origin !== 'case' && (
                          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setStep({ kind: 'end', entry: e })} data-testid="entry-end">
                            {t('lists.actions.end')}
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
      )}
      <Modal
        opened={step !== null}
        onClose={closeStep}
        title={step ? (step.kind === 'end' ? t('lists.end.title') : step.kind === 'approve' ? t('lists.decide.approveTitle') : t('lists.decide.rejectTitle')) : ''}
        size="lg"
      >
        {step && (
          <ReasonForm
            label={step.kind === 'end' ? t('lists.end.reason') : t('lists.decide.reason')}
            submitLabel={step.kind === 'end' ? t('lists.actions.end') : t(`lists.actions.${step.kind}`)}
            color={step.kind === 'approve' ? 'teal' : step.kind === 'end' ? 'red' : 'gray'}
            busy={decide.busy || end.busy}
            error={decide.apiError ?? end.apiError}
            onCancel={closeStep}
            onSubmit={(reason) => void submitStep(reason)}
          >
            <Text size="sm">
              {t(`lists.kind.${step.entry.list}`)} · {step.entry.subjectName} · {step.entry.reason}
            </Text>
          </ReasonForm>
        )}
      </Modal>
    </Stack>
  );
}
