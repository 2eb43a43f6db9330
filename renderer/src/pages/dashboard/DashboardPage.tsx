// Dashboard (DOM): real counts from the store, the last backup and the audit chain's state; at the
// bureau the supervision overview, at a school the supervision status the bureau last sent.
import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { ADMINS } from '../../../../shared/domain/roles';
import { useLoad } from '../../app/useLoad';
import { formatDateTime } from '../../i18n';
import { BureauOverview } from './BureauOverview';
import { SchoolSupervision } from './SchoolSupervision';
import { SchoolTodo } from './SchoolTodo';

const SUPERVISION_READERS = ['school_admin', 'records_clerk', 'auditor'] as const;

const KEYS_BY_MODE = {
  school: ['teachers', 'students', 'classes', 'records', 'users', 'auditEntries'],
  bureau: ['schools', 'teachers', 'institutions', 'users', 'auditEntries'],
} as const;

export function DashboardPage(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const { data, error } = useLoad('dashboard.summary', {});
  const nf = new Intl.NumberFormat(i18n.language);
  return (
    <Stack>
      <Title order={2}>{t('dashboard.welcome', { name: me.user.displayName })}</Title>
      {me.user.mustChangePassword && <Alert color="orange">{t('dashboard.changePassword')}</Alert>}
      {error && <Alert color="red">{error}</Alert>}
      {me.org.mode === 'school' && ([...SUPERVISION_READERS, 'teacher'] as readonly string[]).includes(me.user.role) && <SchoolTodo />}
      {data && (
        <>
          <Text fw={600}>{t('dashboard.counts')}</Text>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            {KEYS_BY_MODE[me.org.mode].filter((k) => k in data.counts).map((k) => (
              <Card key={k} withBorder padding="lg" data-testid={`count-${k}`}>
                <Text size="sm" c="dimmed">
                  {t(`dashboard.${k}`)}
                </Text>
                <Text fz={28} fw={700}>
                  {nf.format(data.counts[k] ?? 0)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          {/* The audit chain and the backups are the administrators' and the auditor's concern. */}
          {(ADMINS.includes(me.user.role) || me.user.role === 'auditor') && (
          <Group>
            <Badge color={data.auditChainOk ? 'teal' : 'red'} size="lg" variant="light">
              {data.auditChainOk ? t('dashboard.auditOk') : t('dashboard.auditBroken')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('common.labelValue', { label: t('dashboard.lastBackup'), value: data.lastBackupAt ? formatDateTime(data.lastBackupAt) : t('dashboard.never') })}
            </Text>
          </Group>
          )}
          {me.org.mode === 'bureau' && <BureauOverview />}
          {me.org.mode === 'school' && (SUPERVISION_READERS as readonly string[]).includes(me.user.role) && <SchoolSupervision />}
        </>
      )}
    </Stack>
  );
}
