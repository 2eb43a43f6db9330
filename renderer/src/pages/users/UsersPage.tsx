// Accounts (DOM): list, create, reset a password, disable or enable. Auditors only read. A teacher
// account names the teacher whose own credit file it may read (users.create teacherId).
import { useState } from 'react';
import { Alert, Badge, Button, Group, Modal, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { ADMINS, ROLES_BY_MODE, type Role } from '../../../../shared/domain/roles';
import type { UserView } from '../../../../shared/api/contract';
import { useSession } from '../../app/session';
import { SubjectPicker, type PickedSubject } from '../../components/SubjectPicker';
import { useLoad } from '../../app/useLoad';
import { useAction } from '../../app/useAction';

function CreateUser({ onClose, onCreated }: { onClose(): void; onCreated(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const [form, setForm] = useState({ username: '', displayName: '', role: ROLES_BY_MODE[me.org.mode][1]!, password: '' });
  const create = useAction('users.create');
  const [teacher, setTeacher] = useState<PickedSubject | null>(null);
  const needsTeacher = form.role === 'teacher';
  return (
    <Stack>
      <TextInput label={t('users.username')} value={form.username} onChange={(e) => setForm({ ...form, username: e.currentTarget.value })} required />
      <TextInput label={t('users.displayName')} value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.currentTarget.value })} required />
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
      <PasswordInput label={t('users.initialPassword')} value={form.password} onChange={(e) => setForm({ ...form, password: e.currentTarget.value })} required />
      {create.error && <Alert color="red">{create.error}</Alert>}
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

function ResetPassword({ user, onClose }: { user: UserView; onClose(): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const reset = useAction('users.resetPassword');
  return (
    <Stack>
      <PasswordInput label={t('users.newPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
      {reset.error && <Alert color="red">{reset.error}</Alert>}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={reset.busy}
          onClick={async () => {
            if (await reset.run({ userId: user.id, newPassword: password })) {
              notifications.show({ color: 'teal', message: t('users.resetDone') });
              onClose();
            }
          }}
        >
          {t('common.save')}
        </Button>
      </Group>
    </Stack>
  );
}

export function UsersPage(): React.JSX.Element {
  const { t } = useTranslation();
  const { me } = useSession();
  const { data, error, reload } = useLoad('users.list', {});
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const setActive = useAction('users.setActive');
  const canEdit = ADMINS.includes(me.user.role);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        {canEdit && <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>}
      </Group>
      {(error ?? setActive.error) && <Alert color="red">{error ?? setActive.error}</Alert>}
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
                    <Button size="xs" variant="light" onClick={() => setResetting(u)}>
                      {t('users.resetPassword')}
                    </Button>
                    {u.id !== me.user.id && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color={u.active ? 'red' : 'teal'}
                        onClick={async () => {
                          if (await setActive.run({ userId: u.id, active: !u.active })) reload();
                        }}
                      >
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
      <Modal opened={resetting !== null} onClose={() => setResetting(null)} title={`${t('users.resetPassword')} · ${resetting?.username ?? ''}`}>
        {resetting && (
          <ResetPassword
            user={resetting}
            onClose={() => {
              setResetting(null);
              reload();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
