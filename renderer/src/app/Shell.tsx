// The logged-in frame (DOM): Mantine AppShell with navigation by feature, the organisation, the
// user and the language switch in the header.
import { useState } from 'react';
import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ADMINS, type Role } from '../../../shared/domain/roles';
import { currentLang, setLang } from '../i18n';
import { useSession } from './session';
import { useIdleLock } from './useIdleLock';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { UsersPage } from '../pages/users/UsersPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { SettingsPage } from '../pages/settings/SettingsPage';

type PageKey = 'dashboard' | 'users' | 'audit' | 'settings';

const PAGES: { key: PageKey; roles: readonly Role[] | 'all' }[] = [
  { key: 'dashboard', roles: 'all' },
  { key: 'users', roles: [...ADMINS, 'auditor'] },
  { key: 'audit', roles: [...ADMINS, 'auditor'] },
  { key: 'settings', roles: 'all' },
];

export function Shell(): React.JSX.Element {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const [opened, { toggle }] = useDisclosure();
  const [page, setPage] = useState<PageKey>('dashboard');
  useIdleLock(me.idleLockMinutes, () => logout('idle'));
  const visible = PAGES.filter((p) => p.roles === 'all' || p.roles.includes(me.user.role));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Title order={4}>{t('app.fullName')}</Title>
            <Badge variant="light">{t(`app.mode.${me.org.mode}`)}</Badge>
            <Text size="sm" c="dimmed" truncate data-testid="org-name">
              {me.org.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="current-user">
              {me.user.displayName} · {t(`roles.${me.user.role}`)}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => setLang(currentLang() === 'en' ? 'zh-CN' : 'en')}>
              {t('nav.language')}
            </Button>
            <Button variant="light" size="xs" onClick={() => logout('user')}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Stack gap={4}>
          {visible.map((p) => (
            <NavLink key={p.key} label={t(`nav.${p.key}`)} active={page === p.key} onClick={() => setPage(p.key)} />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {page === 'dashboard' && <DashboardPage />}
        {page === 'users' && <UsersPage />}
        {page === 'audit' && <AuditPage />}
        {page === 'settings' && <SettingsPage />}
      </AppShell.Main>
    </AppShell>
  );
}
