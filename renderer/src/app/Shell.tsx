// The logged-in frame (DOM): Mantine AppShell with navigation by feature (per role and mode), the
// organisation, the user and the language switch in the header. The current screen is one View
// (components/navigation.ts), so a list row can open a credit file without a router.
import { useMemo, useState } from 'react';
import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ADMINS, type Mode, type Role } from '../../../shared/domain/roles';
import { currentLang, setLang } from '../i18n';
import { useSession } from './session';
import { useIdleLock } from './useIdleLock';
import { NavContext, type PageKey, type View } from '../components/navigation';
import { PageErrorBoundary } from '../components/PageErrorBoundary';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { UsersPage } from '../pages/users/UsersPage';
import { AuditPage } from '../pages/audit/AuditPage';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { TeachersPage } from '../pages/teachers/TeachersPage';
import { StudentsPage } from '../pages/students/StudentsPage';
import { RecordsPage } from '../pages/records/RecordsPage';
import { TeacherFilePage } from '../pages/creditFile/TeacherFilePage';
import { StudentFilePage } from '../pages/creditFile/StudentFilePage';
import { ObjectionsPage } from '../pages/creditFile/ObjectionsPage';
import { ImportPage } from '../pages/import/ImportPage';
import { CataloguePage } from '../pages/catalogue/CataloguePage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { SyncPage } from '../pages/sync/SyncPage';
import { InstitutionsPage } from '../pages/institutions/InstitutionsPage';
import { GradingPage } from '../pages/grading/GradingPage';
import { ListsPage } from '../pages/lists/ListsPage';
import { CasesPage } from '../pages/cases/CasesPage';
import { DecisionsPage } from '../pages/decisions/DecisionsPage';
import { InspectionsPage } from '../pages/inspections/InspectionsPage';
import { SchoolTeachersPage } from '../pages/schoolTeachers/SchoolTeachersPage';

interface NavEntry {
  /** The i18n key under nav.* and the view it opens. */
  key: string;
  view: View;
  roles: readonly Role[] | 'all';
  modes: readonly Mode[];
  /** Views that keep this entry highlighted (a file opened from its list). */
  also?: readonly PageKey[];
  /** An i18n key other than nav.<key>, for features that keep their own words. */
  label?: string;
}

const SCHOOL: readonly Mode[] = ['school'];
const BOTH: readonly Mode[] = ['school', 'bureau'];
const BUREAU: readonly Mode[] = ['bureau'];
const BUREAU_STAFF: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];

const ENTRIES: readonly NavEntry[] = [
  { key: 'dashboard', view: { page: 'dashboard' }, roles: 'all', modes: BOTH },
  { key: 'myFile', view: { page: 'teacherFile' }, roles: ['teacher'], modes: SCHOOL },
  { key: 'teachers', view: { page: 'teachers' }, roles: ['school_admin', 'records_clerk', 'auditor'], modes: SCHOOL, also: ['teacherFile'] },
  { key: 'students', view: { page: 'students' }, roles: ['school_admin', 'records_clerk'], modes: SCHOOL, also: ['studentFile'] },
  { key: 'records', view: { page: 'records' }, roles: ['school_admin', 'records_clerk', 'auditor'], modes: SCHOOL },
  { key: 'reports', label: 'reports.nav.staff', view: { page: 'reports' }, roles: ['school_admin', 'records_clerk', 'auditor'], modes: SCHOOL },
  { key: 'myReports', label: 'reports.nav.teacher', view: { page: 'reports' }, roles: ['teacher'], modes: SCHOOL },
  { key: 'objections', view: { page: 'objections' }, roles: ['school_admin', 'auditor'], modes: SCHOOL },
  { key: 'import', view: { page: 'import' }, roles: ['school_admin', 'records_clerk'], modes: SCHOOL },
  { key: 'institutions', label: 'institutions.nav', view: { page: 'institutions' }, roles: BUREAU_STAFF, modes: BUREAU },
  { key: 'schoolTeachers', label: 'schoolTeachers.nav', view: { page: 'schoolTeachers' }, roles: BUREAU_STAFF, modes: BUREAU },
  { key: 'grading', label: 'grading.nav', view: { page: 'grading' }, roles: BUREAU_STAFF, modes: BUREAU },
  { key: 'lists', label: 'lists.nav', view: { page: 'lists' }, roles: BUREAU_STAFF, modes: BUREAU },
  { key: 'cases', label: 'cases.nav', view: { page: 'cases' }, roles: BUREAU_STAFF, modes: BUREAU },
  { key: 'decisions', label: 'decisions.nav', view: { page: 'decisions' }, roles: BUREAU_STAFF, modes: BUREAU },
  { key: 'inspections', label: 'inspections.nav', view: { page: 'inspections' }, roles: BUREAU_STAFF, modes: BUREAU },
  { key: 'sync', label: 'sync.nav', view: { page: 'sync' }, roles: [...ADMINS, 'auditor'], modes: BOTH },
  { key: 'catalogue', view: { page: 'catalogue' }, roles: 'all', modes: BOTH },
  { key: 'users', view: { page: 'users' }, roles: [...ADMINS, 'auditor'], modes: BOTH },
  { key: 'audit', view: { page: 'audit' }, roles: [...ADMINS, 'auditor'], modes: BOTH },
  { key: 'settings', view: { page: 'settings' }, roles: ADMINS, modes: BOTH },
  // Everyone else's settings hold their language and password, no backups: named for what is there.
  { key: 'ownSettings', label: 'nav.ownSettings', view: { page: 'settings' }, roles: ['records_clerk', 'teacher', 'bureau_inspector', 'auditor'], modes: BOTH },
];

function Page({ view }: { view: View }): React.JSX.Element {
  switch (view.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'teachers':
      return <TeachersPage />;
    case 'students':
      return <StudentsPage />;
    case 'records':
      return <RecordsPage />;
    case 'objections':
      return <ObjectionsPage />;
    case 'import':
      return <ImportPage />;
    case 'catalogue':
      return <CataloguePage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    case 'reports':
      return <ReportsPage />;
    case 'sync':
      return <SyncPage />;
    case 'institutions':
      return <InstitutionsPage />;
    case 'grading':
      return <GradingPage />;
    case 'lists':
      return <ListsPage />;
    case 'cases':
      return <CasesPage />;
    case 'decisions':
      return <DecisionsPage />;
    case 'inspections':
      return <InspectionsPage />;
    case 'schoolTeachers':
      return <SchoolTeachersPage />;
    case 'teacherFile':
      return <TeacherFilePage key={view.teacherId ?? 'own'} teacherId={view.teacherId} />;
    case 'studentFile':
      return <StudentFilePage key={view.studentId} studentId={view.studentId} />;
  }
}

export function Shell(): React.JSX.Element {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  // A teacher's reason to log in is their own file: open it first.
  const [view, setView] = useState<View>(me.user.role === 'teacher' ? { page: 'teacherFile' } : { page: 'dashboard' });
  useIdleLock(me.idleLockMinutes, () => logout('idle'));
  const visible = ENTRIES.filter((e) => e.modes.includes(me.org.mode) && (e.roles === 'all' || e.roles.includes(me.user.role)));
  const nav = useMemo(
    () => ({
      view,
      go: (v: View) => {
        setView(v);
        close();
      },
    }),
    [view, close],
  );
  const isActive = (e: NavEntry): boolean => {
    if (e.key === 'myFile') return view.page === 'teacherFile' && view.teacherId === undefined;
    return e.view.page === view.page || (e.also?.includes(view.page) ?? false);
  };

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Title order={4} style={{ whiteSpace: 'nowrap' }}>
              {t('app.fullName')}
            </Title>
            <Badge variant="light">{t(`app.mode.${me.org.mode}`)}</Badge>
            <Text size="sm" c="dimmed" truncate data-testid="org-name">
              {me.org.name}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" data-testid="current-user" style={{ whiteSpace: 'nowrap' }}>
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
          {visible.map((e) => (
            <NavLink key={e.key} label={t(e.label ?? `nav.${e.key}`)} active={isActive(e)} onClick={() => nav.go(e.view)} data-testid={`nav-${e.key}`} />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <NavContext.Provider value={nav}>
          <PageErrorBoundary key={JSON.stringify(view)}>
            <Page view={view} />
          </PageErrorBoundary>
        </NavContext.Provider>
      </AppShell.Main>
    </AppShell>
  );
}
