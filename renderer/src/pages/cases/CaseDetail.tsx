// One negative-list case (DOM): the school and the facts, the notice with its PDF, the next steps
// the state machine and the user's role allow, the history as a timeline, and the list entries
// the case made.
import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CaseDetail as Detail } from '../../../../shared/api/routes/cases';
import { allowedEvents, OPENERS } from '../../../../shared/domain/negativeList';
import { call } from '../../api/client';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { downloadFile } from '../../components/files';
import { formatDate } from '../../components/format';
import { LIST_COLOR } from '../../components/ListBadges';
import { errorText, formatDateTime } from '../../i18n';
import { CASE_STATE_COLOR, CaseStateBadge, OverdueBadge } from './caseText';
import { MoveModal, type TransitionEvent } from './MoveModal';
import { NoticeModal } from './NoticeModal';

function Field({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

export function CaseDetail({ id, onBack }: { id: number; onBack(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const detail = useLoad('cases.get', { id });
  const [event, setEvent] = useState<TransitionEvent | null>(null);
  const [noticing, setNoticing] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const c = detail.data;

  const download = async (): Promise<void> => {
    setDownloading(true);
    const r = await call('cases.notice', { caseId: id });
    setDownloading(false);
    if (r.ok) downloadFile(r.value);
    else notifications.show({ color: 'red', message: errorText(r.error) });
  };

  return (
    <Stack>
      <Group>
        <Button variant="subtle" onClick={onBack} data-testid="case-back">
          ← {t('cases.back')}
        </Button>
      </Group>
      {detail.error && <Alert color="red">{detail.error}</Alert>}
      {c && body(c)}
      {c && (
        <>
          <MoveModal
            c={c}
            event={event}
            onClose={() => setEvent(null)}
            onDone={() => {
              setEvent(null);
              detail.reload();
            }}
          />
          <NoticeModal
            c={c}
            opened={noticing}
            onClose={() => setNoticing(false)}
            onDone={() => {
              setNoticing(false);
              detail.reload();
            }}
          />
        </>
      )}
    </Stack>
  );

  // A plain function, not a component: it holds no state and must not remount on each render.
  function body(c: Detail): React.JSX.Element {
    const role = me.user.role;
    const events = allowedEvents(c.state, role);
    const more = allowedEvents(c.state).length > events.length;
    return (
      <Stack gap="md" data-testid="case-detail" data-state={c.state}>
        <Group gap="sm">
          <Title order={3}>{c.number}</Title>
          <CaseStateBadge state={c.state} />
          {c.overdue && <OverdueBadge />}
        </Group>
        <Card withBorder>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Field label={t('cases.detail.school')}>{c.institutionName}</Field>
            <Field label={t('cases.detail.uscc')}>{c.institutionUscc}</Field>
            <Field label={t('cases.detail.openedOn')}>
              {formatDate(c.openedOn)} · {c.createdBy}
            </Field>
          </SimpleGrid>
          <Stack gap="xs" mt="sm">
            <Field label={t('cases.detail.matter')}>{c.matter}</Field>
            <Field label={t('cases.detail.facts')}>{c.facts}</Field>
          </Stack>
        </Card>
        <Card withBorder>
          <Title order={5} mb="xs">
            {t('cases.notice.title')}
          </Title>
          {c.notice ? (
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <Field label={t('cases.notice.number')}>{c.notice.number}</Field>
                <Field label={t('cases.notice.issuedOn')}>{formatDate(c.notice.issuedOn)}</Field>
                <Field label={t('cases.notice.deadline')}>
                  <span data-testid="case-deadline">{formatDate(c.notice.deadline)}</span>
                </Field>
              </SimpleGrid>
              <Field label={t('cases.notice.requirements')}>{c.notice.requirements}</Field>
              <Group>
                <Button size="compact-sm" variant="light" loading={downloading} onClick={() => void download()} data-testid="case-notice-pdf">
                  {t('cases.notice.download')}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('cases.notice.none')}
            </Text>
          )}
        </Card>
        {OPENERS.includes(role) && (
          <Card withBorder>
            <Title order={5} mb="xs">
              {t('cases.detail.actions')}
            </Title>
            {events.length === 0 ? (
              <Text size="sm" c="dimmed">
                {more ? t('cases.detail.inspectorHint') : t('cases.detail.noActions')}
              </Text>
            ) : (
              <Stack gap={6}>
                <Group gap="xs">
                  {events.map((e) => (
                    <Button
                      key={e}
                      size="sm"
                      variant={e === 'issueNotice' || e === 'confirmRectified' ? 'filled' : 'light'}
                      color={e === 'confirmRectified' ? 'teal' : e === 'lift' || e === 'withdraw' ? 'gray' : e === 'issueNotice' ? 'blue' : 'red'}
                      onClick={() => (e === 'issueNotice' ? setNoticing(true) : setEvent(e))}
                      data-testid={`case-action-${e}`}
                    >
                      {t(`cases.event.${e}`)}
                    </Button>
                  ))}
                </Group>
                {more && (
                  <Text size="xs" c="dimmed">
                    {t('cases.detail.inspectorHint')}
                  </Text>
                )}
              </Stack>
            )}
          </Card>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder>
            <Title order={5} mb="sm">
              {t('cases.detail.history')}
            </Title>
            <Timeline active={c.events.length - 1} bulletSize={16} lineWidth={2} data-testid="case-timeline">
              {c.events.map((e) => (
                <Timeline.Item
                  key={e.id}
                  color={CASE_STATE_COLOR[e.toState]}
                  title={
                    <Group gap={6}>
                      <Text size="sm" fw={600}>
                        {t(`cases.event.${e.event}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(e.occurredOn)}
                      </Text>
                    </Group>
                  }
                >
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
                    {e.reason}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('cases.detail.by', { by: e.by, date: formatDateTime(e.at) })}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
          <Card withBorder>
            <Title order={5} mb="sm">
              {t('cases.detail.entries')}
            </Title>
            {c.entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('cases.detail.noEntries')}
              </Text>
            ) : (
              <Table verticalSpacing={4} data-testid="case-entries">
                <Table.Tbody>
                  {c.entries.map((e) => (
                    <Table.Tr key={e.id} data-list={e.list} data-state={e.state}>
                      <Table.Td>
                        <Badge color={LIST_COLOR[e.list]} variant="light">
                          {t(`lists.kind.${e.list}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(e.startOn)} – {formatDate(e.endOn)}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={e.inForce ? 'teal' : 'gray'} variant="light">
                          {t(`cases.entryState.${e.state}`)}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </SimpleGrid>
      </Stack>
    );
  }
}
