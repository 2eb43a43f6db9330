// Login, and resetting a password with the recovery key (DOM).
import { useState } from 'react';
import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../app/session';
import { useAction } from '../../app/useAction';
import { currentLang, setLang } from '../../i18n';

export function LoginPage({ notice, onLogin }: { notice: string | null; onLogin(me: Me): void }): React.JSX.Element {
  const { t } = useTranslation();
  const [recovering, setRecovering] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [info, setInfo] = useState<string | null>(notice);
  const login = useAction('auth.login');
  const recover = useAction('auth.recover');

  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420}>
        <Stack>
          <Title order={2} ta="center">
            {t('app.fullName')}
          </Title>
          <Text ta="center" c="dimmed">
            {recovering ? t('login.recoverTitle') : t('login.title')}
          </Text>
          {info && <Alert color="blue">{info}</Alert>}
          {recovering ? (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                const r = await recover.run({ recoveryKey, username, newPassword: password });
                if (r) {
                  setInfo(t('login.recovered'));
                  setRecovering(false);
                  setPassword('');
                }
              }}
            >
              <Stack>
                <TextInput label={t('login.recoveryKey')} description={t('login.recoveryKeyHint')} value={recoveryKey} onChange={(e) => setRecoveryKey(e.currentTarget.value)} ff="monospace" required />
                <TextInput label={t('login.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} required />
                <PasswordInput label={t('login.newPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required />
                {recover.error && <Alert color="red">{recover.error}</Alert>}
                <Button type="submit" loading={recover.busy}>
                  {t('login.recoverSubmit')}
                </Button>
                <Anchor component="button" type="button" size="sm" onClick={() => setRecovering(false)}>
                  {t('login.backToLogin')}
                </Anchor>
              </Stack>
            </form>
          ) : (
            <form
              onSubmit={async (e) => {
                e.preventDefault();
                setInfo(null);
                const r = await login.run({ username, password });
                if (r) onLogin(r);
              }}
            >
              <Stack>
                <TextInput label={t('login.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" required autoFocus />
                <PasswordInput label={t('login.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required />
                {login.error && (
                  <Alert color="red" data-testid="login-error">
                    {login.error}
                  </Alert>
                )}
                <Button type="submit" loading={login.busy}>
                  {t('login.submit')}
                </Button>
                <Anchor component="button" type="button" size="sm" onClick={() => setRecovering(true)}>
                  {t('login.forgot')}
                </Anchor>
              </Stack>
            </form>
          )}
          <Anchor component="button" type="button" size="xs" c="dimmed" ta="center" onClick={() => setLang(currentLang() === 'en' ? 'zh-CN' : 'en')}>
            {t('nav.language')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
