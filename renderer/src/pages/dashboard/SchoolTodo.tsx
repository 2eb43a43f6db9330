// The school's to-do list (DOM), first on its 工作台: what needs a person now, each with the screen
// where it is done. A school just set up sees its first steps instead: teachers, their accounts,
// the bureau's identity card.
import { Alert, Anchor, Card, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SchoolTodo as Todo } from '../../../../shared/api/routes/dashboard';
import { useLoad } from '../../app/useLoad';
import { useNav, type View } from '../../components/navigation';
import { formatCount } from '../../components/format';

/** A backup older than this is overdue: the timer makes one a day while the app is open. */
const BACKUP_DAYS = 7;
/** The plan's exchange runs at least monthly. */
const BUNDLE_DAYS = 30;

interface Item {
  key: string;
  color: 'orange' | 'red' | 'blue';
  text: string;
  go: View;
  action: string;
}

function daysSince(iso: string): number {
  return dayjs().startOf('day').diff(dayjs(iso).startOf('day'), 'day');
}

function items(todo: Todo, t: TFunction): Item[] {
  const out: Item[] = [];
  if (todo.mine?.reportToConfirm) out.push({ key: 'mineReport', color: 'blue', text: t('todo.mineReport', { year: todo.mine.reportToConfirm.year }), go: { page: 'reports' }, action: t('todo.mineReportGo') });
  if (todo.mine?.openObjections) out.push({ key: 'mineObjections', color: 'orange', text: t('todo.mineObjections', { n: formatCount(todo.mine.openObjections) }), go: { page: 'teacherFile' }, action: t('todo.mineObjectionsGo') });
  if (todo.pendingObjections) out.push({ key: 'objections', color: 'orange', text: t('todo.objections', { n: formatCount(todo.pendingObjections) }), go: { page: 'objections' }, action: t('todo.decide') });
  if (todo.reports?.unconfirmed) out.push({ key: 'unconfirmed', color: 'blue', text: t('todo.unconfirmed', { n: formatCount(todo.reports.unconfirmed) }), go: { page: 'reports' }, action: t('todo.openReports') });
  if (todo.reports?.superseded) out.push({ key: 'superseded', color: 'orange', text: t('todo.superseded', { n: formatCount(todo.reports.superseded) }), go: { page: 'reports' }, action: t('todo.openReports') });
  if (todo.backup) {
    const days = todo.backup.lastAt ? daysSince(todo.backup.lastAt) : null;
    if (days === null) out.push({ key: 'backup', color: 'red', text: t('todo.noBackup'), go: { page: 'settings' }, action: t('todo.backUp') });
    else if (days >= BACKUP_DAYS) out.push({ key: 'backup', color: 'red', text: t('todo.oldBackup', { days }), go: { page: 'settings' }, action: t('todo.backUp') });
    if (todo.backup.sameDisk) out.push({ key: 'sameDisk', color: 'orange', text: t('todo.sameDisk'), go: { page: 'settings' }, action: t('todo.chooseBackupFolder') });
  }
  if (todo.bundles && todo.bundles.partners > 0) {
    const days = todo.bundles.lastAt ? daysSince(todo.bundles.lastAt) : null;
    if (days === null || days >= BUNDLE_DAYS) out.push({ key: 'bundles', color: 'orange', text: days === null ? t('todo.noBundle') : t('todo.oldBundle', { days }), go: { page: 'sync' }, action: t('todo.sendBundle') });
  }
  return out;
}

function FirstSteps({ steps }: { steps: NonNullable<Todo['firstSteps']> }): React.JSX.Element {
  const { t } = useTranslation();
  const { go } = useNav();
  // Accounts are done when every teacher in post has one, not when the first has.
  const done = { teachers: steps.teachers > 0, accounts: steps.teachers > 0 && steps.teachersWithoutAccount === 0, cards: steps.partners > 0 };
  const rows: { key: keyof typeof done; go: View }[] = [
    { key: 'teachers', go: { page: 'import' } },
    { key: 'accounts', go: { page: 'users' } },
    { key: 'cards', go: { page: 'sync' } },
  ];
  return (
    <Card withBorder padding="lg" data-testid="first-steps">
      <Stack gap="xs">
        <Text fw={600}>{t('todo.firstTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('todo.firstIntro')}
        </Text>
        <List spacing="sm" center>
          {rows.map((r, i) => (
            <List.Item
              key={r.key}
              icon={
                <ThemeIcon size={24} radius="xl" color={done[r.key] ? 'teal' : 'gray'} variant={done[r.key] ? 'filled' : 'light'}>
                  {done[r.key] ? '✓' : i + 1}
                </ThemeIcon>
              }
              data-testid={`first-step-${r.key}`}
              data-done={done[r.key]}
            >
              <Group gap="xs">
                <Text size="sm">{t(`todo.first.${r.key}`)}</Text>
                {!done[r.key] && (
                  <Anchor size="sm" component="button" onClick={() => go(r.go)}>
                    {t(`todo.firstGo.${r.key}`)}
                  </Anchor>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

export function SchoolTodo(): React.JSX.Element | null {
  const { t } = useTranslation();
  const { go } = useNav();
  const { data, error } = useLoad('dashboard.todo', {});
  if (error) return <Alert color="red">{error}</Alert>;
  if (!data) return null;
  const list = items(data, t);
  const steps = data.firstSteps;
  const beginning = steps !== null && (steps.teachers === 0 || steps.teachersWithoutAccount > 0 || steps.partners === 0);
  return (
    <Stack>
      {beginning && steps && <FirstSteps steps={steps} />}
      <Card withBorder padding="lg" data-testid="todo">
        <Stack gap="xs">
          <Text fw={600}>{t('todo.title')}</Text>
          {list.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="todo-none">
              {t('todo.none')}
            </Text>
          )}
          {list.map((i) => (
            <Alert key={i.key} color={i.color} variant="light" py={8} data-testid={`todo-${i.key}`}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">{i.text}</Text>
                <Anchor size="sm" component="button" onClick={() => go(i.go)} style={{ whiteSpace: 'nowrap' }}>
                  {i.action}
                </Anchor>
              </Group>
            </Alert>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}
