// After a login with a password an administrator set (DOM): the only screen there is until the user
// has chosen a password of their own. The core refuses every other call meanwhile.
import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PasswordChangeForm } from '../../components/PasswordChangeForm';
import type { Me } from '../../app/session';

export function ChangePasswordScreen({ me, onChanged, onLogout }: { me: Me; onChanged(): Promise<void>; onLogout(): void }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Center h="100vh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <Stack>
          <Title order={2}>{t('password.firstTitle')}</Title>
          <Text>{t('password.firstHello', { name: me.user.displayName })}</Text>
          <Alert color="orange" data-testid="must-change">
            {me.user.role === 'teacher' ? t('password.firstWhyTeacher') : t('password.firstWhy')}
          </Alert>
          <PasswordChangeForm onChanged={onChanged} submitLabel={t('password.firstSubmit')} />
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onLogout}>
            {t('password.logoutInstead')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
