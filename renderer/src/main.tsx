// Renderer entry (DOM): Mantine, i18n, the app.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './i18n';
import { useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, PasswordInput, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { App } from './app/App';

/** The theme, with the words Mantine's own controls say to screen readers in the user's language. */
function Themed({ children }: { children: React.ReactNode }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const theme = useMemo(
    () =>
      createTheme({
        primaryColor: 'teal',
        fontFamily: '"Noto Sans SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif',
        defaultRadius: 'md',
        components: { PasswordInput: PasswordInput.extend({ defaultProps: { visibilityToggleButtonProps: { 'aria-label': t('common.showPassword') } } }) },
      }),
    [t, i18n.language],
  );
  return <MantineProvider theme={theme}>{children}</MantineProvider>;
}

createRoot(document.getElementById('root')!).render(
  <Themed>
    {/* Top centre, over the page's title: in a corner they covered buttons (导出 and 退出登录 at the
        top right, a table's row buttons at the bottom right). */}
    <Notifications position="top-center" limit={3} autoClose={3500} />
    <App />
  </Themed>,
);
