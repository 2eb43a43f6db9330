// The top of the UI (DOM): chooses the first-run wizard, the error screen, the login or the shell
// from the core's status, and reacts to a session that ended.
import { useCallback, useEffect, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call, onApiError, setSession } from '../api/client';
import type { RouteOutput } from '../../../shared/api/contract';
import { errorText } from '../i18n';
import { SessionContext, type Me } from './session';
import { Shell } from './Shell';
import { SetupWizard } from '../pages/setup/SetupWizard';
import { LoginPage } from '../pages/login/LoginPage';
import { ChangePasswordScreen } from '../pages/login/ChangePasswordScreen';
import { ErrorScreen } from '../pages/error/ErrorScreen';
import { DiskFullScreen } from '../pages/error/DiskFullScreen';
import type { ApiError } from '../../../shared/api/errors';

type Status = RouteOutput<'system.status'>['status'];

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [diskFull, setDiskFull] = useState<ApiError | null>(null);

  const loadStatus = useCallback(async () => {
    const r = await call('system.status', {});
    setStatus(r.ok ? r.value.status : { state: 'error', error: { code: r.error.code, ...(r.error.detail ? { detail: r.error.detail } : {}) } });
  }, []);

  useEffect(() => {
    void loadStatus();
  }, [loadStatus]);

  const logout = useCallback(
    (reason: 'idle' | 'user' | 'ended' = 'user') => {
      // 'ended': the core already closed every session (a restore), so there is nothing to call.
      const done = reason === 'ended' ? Promise.resolve() : call('auth.logout', {});
      void done.finally(() => {
        setSession(undefined);
        setMe(null);
        setNotice(reason === 'idle' ? t('login.idleLocked') : t('login.loggedOut'));
        void loadStatus();
      });
    },
    [loadStatus, t],
  );

  useEffect(
    () =>
      onApiError((e) => {
        if (e.code === 'UNAUTHENTICATED') {
          setSession(undefined);
          setMe(null);
          setNotice(t('login.idleLocked'));
        } else if (e.code === 'CORRUPT' || e.code === 'NEWER_VERSION') {
          setStatus({ state: 'error', error: { code: e.code, ...(e.detail ? { detail: e.detail } : {}) } });
        } else if (e.code === 'DISK_FULL') {
          setDiskFull(e);
        } else if (e.code === 'INTERNAL') {
          notifications.show({ color: 'red', message: errorText(e) });
        }
      }),
    [t],
  );

  const refreshMe = useCallback(async () => {
    const r = await call('auth.me', {});
    if (r.ok && me) setMe({ ...me, ...r.value });
  }, [me]);

  if (!status) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (diskFull) return <DiskFullScreen error={diskFull} onRetry={() => setDiskFull(null)} />;
  if (status.state === 'error') {
    return (
      <ErrorScreen
        error={status.error}
        onRecovered={(msg) => {
          setNotice(msg);
          void loadStatus();
        }}
        onRetry={() => void loadStatus()}
      />
    );
  }
  if (status.state === 'new') return <SetupWizard onDone={() => void loadStatus()} interrupted={status.setupInterrupted === true} />;
  if (!me) {
    return (
      <LoginPage
        notice={notice}
        onLogin={(value) => {
          setSession(value.session);
          setNotice(null);
          setMe(value);
        }}
      />
    );
  }
  if (me.user.mustChangePassword) return <ChangePasswordScreen me={me} onChanged={refreshMe} onLogout={() => logout('user')} />;
  return (
    <SessionContext.Provider value={{ me, logout, refreshMe }}>
      <Shell />
    </SessionContext.Provider>
  );
}
