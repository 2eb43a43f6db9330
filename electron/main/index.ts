// Electron main process: the window, its security, and one IPC channel bound to the dispatcher.
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Installation } from '../core/app/installation';
import { dispatchAsync } from '../core/api';
import { startBackupTimer } from '../core/backup/timer';
import { IPC_CHANNEL } from '../../shared/api/ipc';
import { hardenContents, hardenSession, isOwnUrl, secureWebPreferences } from './security';

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

// The packaged app reads package.json, resources/ and migrations from its asar (Electron's fs reads
// inside it); native modules are unpacked beside it by electron-builder.
if (app.isPackaged) process.env.EDUCREDIT_APP_ROOT = join(process.resourcesPath, 'app.asar');

const rendererDir = join(import.meta.dirname, '../renderer');
const appUrlPrefix = pathToFileURL(rendererDir).href;
let inst: Installation | null = null;

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 680,
    title: 'EduCredit 教体信用',
    show: false,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  hardenContents(win.webContents, appUrlPrefix);
  win.once('ready-to-show', () => win.show());
  void win.loadFile(join(rendererDir, 'index.html'));
}

void app.whenReady().then(() => {
  Menu.setApplicationMenu(null);
  hardenSession(appUrlPrefix);
  inst = new Installation(process.env.EDUCREDIT_DATA_DIR ?? app.getPath('userData'));
  startBackupTimer(inst, (l) => console.error(l));
  ipcMain.handle(IPC_CHANNEL, (event, call: unknown) => {
    // Only our own page may call; anything else gets nothing.
    const from = event.senderFrame?.url ?? '';
    if (!inst || !isOwnUrl(from, appUrlPrefix)) return { ok: false, error: { code: 'FORBIDDEN' } };
    const { route, session, input } = (call ?? {}) as { route?: unknown; session?: unknown; input?: unknown };
    return dispatchAsync(inst, { route: String(route), session: typeof session === 'string' ? session : undefined, input }, (l) => console.error(l));
  });
  createWindow();
});

app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
app.on('window-all-closed', () => {
  inst?.close();
  app.quit();
});
