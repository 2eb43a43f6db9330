// What only the desktop shell does for the page (Electron main): a native folder picker, for the
// bundle export, batch reports and backups. Asked through its own channel, from our own page's top
// frame only; the answer is a path the user chose, or null.
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import { SHELL_CHANNEL, type ShellRequest } from '../../shared/api/ipc';
import { isTrustedSender } from './security';

function isRequest(x: unknown): x is ShellRequest {
  return typeof x === 'object' && x !== null && (x as { op?: unknown }).op === 'pickFolder' && typeof (x as { title?: unknown }).title === 'string';
}

export function registerShell(ipcMain: Pick<IpcMain, 'handle'>, dialog: Pick<Dialog, 'showOpenDialog'>, windowOf: (event: IpcMainInvokeEvent) => BrowserWindow | null): void {
  ipcMain.handle(SHELL_CHANNEL, async (event, request: unknown) => {
    if (!isTrustedSender(event) || !isRequest(request)) return null;
    const win = windowOf(event);
    const options = { title: request.title.slice(0, 100), properties: ['openDirectory', 'createDirectory', 'promptToCreate'] as ('openDirectory' | 'createDirectory' | 'promptToCreate')[] };
    const chosen = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  });
}
