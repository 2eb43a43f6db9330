// The user's own password change (DOM): on the settings page, and as the whole screen after a login
// with a password an administrator set. Refusals stand under the field they concern, in words.
import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAction } from '../app/useAction';
import { formErrors } from './fieldErrors';

export function PasswordChangeForm({ onChanged, submitLabel }: { onChanged(): Promise<void> | void; submitLabel?: string }): React.JSX.Element {
  const { t } = useTranslation();
  const [oldPassword, setOld] = useState('');
  const [newPassword, setNew] = useState('');
  const [again, setAgain] = useState('');
  const [tried, setTried] = useState(false);
  const change = useAction('auth.changePassword');
  const server = formErrors(change.apiError, ['oldPassword', 'newPassword']);
  // A wrong old password is said at that field, with the failures left before the lockout.
  const wrongOld = change.apiError?.code === 'BAD_CREDENTIALS' ? t('password.wrongOld', { left: change.apiError.params?.left ?? 0 }) : undefined;
  const mismatch = tried && again !== newPassword ? t('password.mismatch') : undefined;
  const tooShort = tried && newPassword.length > 0 && newPassword.length < 8 ? t('password.min8') : undefined;

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        setTried(true);
        if (again !== newPassword || newPassword.length < 8) return;
        if (await change.run({ oldPassword, newPassword })) {
          setOld('');
          setNew('');
          setAgain('');
          setTried(false);
          await onChanged();
        }
      }}
    >
      <Stack maw={360}>
        <PasswordInput
          label={t('password.old')}
          value={oldPassword}
          onChange={(e) => {
            setOld(e.currentTarget.value);
            // A refusal speaks of what was sent: once the field changes, it no longer applies.
            change.clear();
          }}
          error={wrongOld ?? server.fields.oldPassword}
          autoComplete="current-password"
          required
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rules')}
          value={newPassword}
          onChange={(e) => {
            setNew(e.currentTarget.value);
            change.clear();
          }}
          error={tooShort ?? server.fields.newPassword}
          autoComplete="new-password"
          required
        />
        <PasswordInput label={t('password.again')} value={again} onChange={(e) => setAgain(e.currentTarget.value)} error={mismatch} autoComplete="new-password" required />
        {!wrongOld && server.general && <Alert color="red">{server.general}</Alert>}
        <Group>
          <Button type="submit" loading={change.busy}>
            {submitLabel ?? t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
