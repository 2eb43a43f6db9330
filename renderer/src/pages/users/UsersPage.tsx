// Accounts (DOM): list, create, reset a password, disable or enable. Auditors only read. A teacher
// account names the teacher whose own credit file it may read (users.create teacherId).
import { useCallback, useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ADMINS, ROLES_BY_MODE, type Role } from '../../../../shared/domain/roles';
import type { UserView } from '../../../../shared/api/contract';
import { useSession } from '../../app/session';
import { SubjectPicker, type PickedSubject } from '../../components/SubjectPicker';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';
import { formErrors } from '../../components/fieldErrors';
import { formatCount } from '../../components/format';
import { call } from '../../api/client';
import { TeacherAccountsModal } from './TeacherAccountsModal';

function CreateUser({ onClose, onCreated }: { onClose(): void; onCreated(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const [form, setForm] = useState({ username: '', displayName: '', role: ROLES_BY_MODE[me.org.mode][1]!, password: '' });
  const create = useAction('users.create');
  const errors = formErrors(create.apiError, ['username', 'displayName', 'password', 'teacherId']);
  const [teacher, setTeacher] = useState<PickedSubject | null>(null);
  const needsTeacher = form.role === 'teacher';
  return (
    <Stack>
      <TextInput label={t('users.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} error={errors.fields.username} required />
      <TextInput label={t('users.displayName')} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} error={errors.fields.displayName} required />
      <Select
        label={t('users.role')}
        data={ROLES_BY_MODE[me.org.mode].map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={form.role}
        onChange={(v) => v && setForm({ ...form, role: v as Role })}
        allowDeselect={false}
      />
      {needsTeacher && (
        <SubjectPicker
          kind="teacher"
          label={t('users.teacher')}
          value={teacher}
          onChange={(v) => {
            setTeacher(v);
            // The account is usually named after its teacher.
            if (v && !form.displayName.trim()) setForm({ ...form, displayName: v.label.split(' · ')[0] ?? '' });
          }}
          required
        />
      )}
      {needsTeacher && (
        <Text size="xs" c="dimmed" mt={-8}>
          {t('users.teacherHint')}
        </Text>
      )}
      <PasswordInput
        label={t('users.initialPassword')}
        description={t('password.rules')}
        value={form.password}
        onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
        error={errors.fields.password}
        required
      />
      {(errors.general ?? errors.fields.teacherId) && <Alert color="red">{errors.general ?? errors.fields.teacherId}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={create.busy}
          disabled={needsTeacher && !teacher}
          onClick={async () => {
            if (await create.run({ ...form, ...(needsTeacher && teacher ? { teacherId: teacher.id } : {}) })) onCreated();
          }}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * An administrator sets a password the user must change at first login: a reset for an active
 * account, or the password that comes with reactivating a disabled one (its old one was removed).
 */
function SetPassword({ user, onClose }: { user: UserView; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useAction('users.resetPassword');
  const enable = useAction('users.setActive');
  const action = user.active ? reset : enable;
  const errors = formErrors(action.apiError, ['newPassword']);
  return (
    <Stack>
      {!user.active && <Text size="sm">{t('users.enableHint')}</Text>}
      <PasswordInput
        label={t('users.newPassword')}
        description={t('password.rules')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={errors.fields.newPassword}
        required
      />
      {errors.general && <Alert color="red">{errors.general}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={action.busy}
          onClick={async () => {
            const done = user.active ? await reset.run({ userId: user.id, newPassword: password }) : await enable.run({ userId: user.id, active: true, newPassword: password });
            if (done) {
              notifications.show({ color: 'teal', message: user.active ? t('users.resetDone') : t('users.enabled') });
              onClose();
            }
          }}
        >
          {user.active ? t('common.save') : t('users.enable')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Disabling takes effect at once: the account's password stops opening the data. */
function ConfirmDisable({ user, onClose }: { user: UserView; onClose(disabled: boolean): void }): React.JSX.Element {
  const { t } = useTranslation();
  const disable = useAction('users.setActive');
  return (
    <Stack>
      <Text size="sm">{t('users.disableHint', { name: user.displayName })}</Text>
      {disable.error && <Alert color="red">{disable.error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => onClose(false)}>
          {t('common.cancel')}
        </Button>
        <Button
          color="red"
          loading={disable.busy}
          onClick={async () => {
            if (await disable.run({ userId: user.id, active: false })) onClose(true);
          }}
        >
          {t('users.disable')}
        </Button>
      </Group>
    </Stack>
  );
}

/** How many active teachers have no account yet: what "open accounts for teachers" would make. */
function useTeachersWithoutAccount(enabled: boolean): { n: number | undefined; reload(): void } {
  const [n, setN] = useState<number | undefined>(undefined);
  const reload = useCallback(() => {
    if (!enabled) return;
    void call('teachers.list', { status: 'active', account: 'none', limit: 1 }).then((r) => setN(r.ok ? r.value.total : undefined));
  }, [enabled]);
  useEffect(reload, [reload]);
  return { n, reload };
}

export function UsersPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const { data, error, reload } = useLoad('users.list', {});
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [disabling, setDisabling] = useState<UserView | null>(null);
  const [bulk, setBulk] = useState(false);
  const canEdit = ADMINS.includes(me.user.role);
  const forTeachers = me.user.role === 'school_admin';
  const without = useTeachersWithoutAccount(forTeachers);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Group gap="sm">
          {forTeachers && (
            <Button variant="light" onClick={() => setBulk(true)} data-testid="open-teacher-accounts">
              {without.n ? t('teacherAccounts.openAllN', { n: formatCount(without.n) }) : t('teacherAccounts.openAll')}
            </Button>
          )}
          {canEdit && <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>}
        </Group>
      </Group>
      <TeacherAccountsModal
        opened={bulk}
        withoutAccount={without.n}
        onClose={(changed) => {
          setBulk(false);
          if (changed) {
            reload();
            without.reload();
          }
        }}
      />
      {error && <Alert color="red">{error}</Alert>}
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('users.role')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
            {canEdit && <Table.Th>{t('users.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td ff="monospace">{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                    {u.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                  {u.mustChangePassword && (
                    <Badge color="orange" variant="light">
                      {t('users.mustChange')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <Group gap="xs">
                    {u.active && (
                      <Button size="xs" variant="light" onClick={() => setResetting(u)}>
                        {t('users.resetPassword')}
                      </Button>
                    )}
                    {u.id !== me.user.id && (
                      <Button size="xs" variant="subtle" color={u.active ? 'red' : 'teal'} onClick={() => (u.active ? setDisabling(u) : setResetting(u))}>
                        {u.active ? t('users.disable') : t('users.enable')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('users.create')}>
        <CreateUser
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            reload();
          }}
        />
      </Modal>
      <Modal
        opened={resetting !== null}
        onClose={() => setResetting(null)}
        title={`${resetting?.active === false ? t('users.enable') : t('users.resetPassword')} · ${resetting?.username ?? ''}`}
      >
        {resetting && (
          <SetPassword
            user={resetting}
            onClose={() => {
              setResetting(null);
              reload();
            }}
          />
        )}
      </Modal>
      <Modal opened={disabling !== null} onClose={() => setDisabling(null)} title={`${t('users.disable')} · ${disabling?.username ?? ''}`}>
        {disabling && (
          <ConfirmDisable
            user={disabling}
            onClose={(disabled) => {
              setDisabling(null);
              if (disabled) reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
