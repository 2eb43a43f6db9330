// Electron main process: the app:// scheme, the guard on every webContents, the window, the IPC
// channel bound to the dispatcher, and the shell's folder picker.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol } from 'electron';
import { join } from 'node:path';
import { Installation } from '../core/app/installation';
import { dispatchAsync } from '../core/api';
import { startBackupTimer } from '../core/backup/timer';
import type { Result } from '../../shared/api/errors';
import { IPC_CHANNEL } from '../../shared/api/ipc';
import { APP_INDEX_URL } from './appOrigin';
import { registerAppScheme, serveRenderer } from './protocol';
import { guardAllWebContents, isTrustedSender, secureWebPreferences } from './security';
import { registerShell } from './shell';

// Privileged schemes can only be registered before ready, and the guard (which also hardens each
// webContents' session) must be in place before the first webContents exists.
registerAppScheme(protocol);
guardAllWebContents(app);
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

// The packaged app reads package.json, resources/ and migrations from its asar (Electron's fs reads
// inside it); native modules are unpacked beside it by electron-builder.
if (app.isPackaged) process.env.EDUCREDIT_APP_ROOT = join(process.resourcesPath, 'app.asar');

const REFUSED: Result<never> = { ok: false, error: { code: 'FORBIDDEN' } };
let inst: Installation | null = null;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    title: 'EduCredit 教体信用',
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs'), !app.isPackaged),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
}

void app.whenReady().then(() => {
  Menu.setApplicationMenu(null);
  serveRenderer(protocol, join(import.meta.dirname, '../renderer'));
  inst = new Installation(process.env.EDUCREDIT_DATA_DIR ?? app.getPath('userData'));
  startBackupTimer(inst, (l) => console.error(l));
  ipcMain.handle(IPC_CHANNEL, (event, call: unknown) => {
    if (!inst) return REFUSED;
    if (!isTrustedSender(event)) {
      console.error(`ipc: refused a call from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
      return REFUSED;
    }
    const { route, session: token, input } = (call ?? {}) as { route?: unknown; session?: unknown; input?: unknown };
    return dispatchAsync(inst, { route: String(route), session: typeof token === 'string' ? token : undefined, input }, (l) => console.error(l));
  });
  registerShell(ipcMain, dialog, (event) => BrowserWindow.fromWebContents(event.sender));
  createWindow();
});

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => {
  inst?.close();
  app.quit();
});
