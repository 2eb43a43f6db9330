// Print and export for any list (DOM): 打印 asks the core for the list as an A4 PDF, 导出 Excel for
// an .xlsx, both with the filter the screen shows, and downloads the file. The core words the
// document in the user's language and logs the export.
import { useState } from 'react';
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RouteInput, RouteName } from '../../../shared/api/contract';
import { call } from '../api/client';
import { currentLang, errorText } from '../i18n';
import { downloadFile, type FileOut } from './files';

/** The routes that send a list as a file: their input is the list's filter plus format and lang. */
type ExportRoute = { [R in RouteName]: RouteInput<R> extends { format: 'xlsx' | 'pdf' } ? R : never }[RouteName];

interface Props<R extends ExportRoute> {
  route: R;
  /** The list's filter as the screen has it. */
  filter: Omit<RouteInput<R>, 'format' | 'lang'>;
  testId?: string;
}

export function ListExport<R extends ExportRoute>({ route, filter, testId = 'list-export' }: Props<R>): React.JSX.Element {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const run = async (format: 'pdf' | 'xlsx'): Promise<void> => {
    setBusy(format);
    const r = await call(route, { ...filter, format, lang: currentLang() } as RouteInput<R>);
    setBusy(null);
    if (r.ok) {
      downloadFile(r.value as FileOut);
      notifications.show({ color: 'teal', message: t(format === 'pdf' ? 'common.printReady' : 'common.exported', { file: (r.value as FileOut).fileName }) });
    } else notifications.show({ color: 'red', message: errorText(r.error), autoClose: 10_000 });
  };
  return (
    <Group gap="xs" data-testid={testId}>
      <Button size="xs" variant="default" loading={busy === 'pdf'} disabled={busy !== null} onClick={() => void run('pdf')} data-testid={`${testId}-pdf`}>
        {t('common.print')}
      </Button>
      <Button size="xs" variant="default" loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void run('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('common.exportExcel')}
      </Button>
    </Group>
  );
}
