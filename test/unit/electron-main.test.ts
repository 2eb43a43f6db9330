// The Electron main process as wired in electron/main/index.ts, run against the stand-in 'electron'
// module with a real installation in a temporary folder: the scheme is registered before ready,
// the window loads app://, its webContents is guarded through web-contents-created, and the IPC
// channel reaches the real dispatcher only from our own page's top frame.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL, SHELL_CHANNEL } from '../../shared/api/ipc';
import { tempDir } from '../support/installation';
import { app, BrowserWindow, dialog, frame, ipcMain, protocol, session, type FakeFrame, type FakeWebContents } from './electron-stand-in';

vi.mock('electron', () => import('./electron-stand-in'));

const data = tempDir('educredit-main-');
let win: BrowserWindow;

beforeAll(async () => {
  vi.stubEnv('EDUCREDIT_DATA_DIR', data.dir);
  await import('../../electron/main/index');
  await app.ready();
  // whenReady's continuation runs on the next turns of the microtask queue.
  await vi.waitFor(() => expect(BrowserWindow.windows).toHaveLength(1));
  win = BrowserWindow.windows[0]!;
});

afterAll(() => {
  app.emit('window-all-closed');
  vi.unstubAllEnvs();
  data.cleanup();
});

function invoke(contents: FakeWebContents, senderFrame: FakeFrame | null, call: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get(IPC_CHANNEL);
  if (!handler) throw new Error('no IPC handler');
  return Promise.resolve(handler({ sender: contents, senderFrame } as unknown as IpcMainInvokeEvent, call));
}

describe('the main process', () => {
  it('registers app:// as privileged before ready, and serves it after', () => {
    expect(protocol.privileged?.map((s) => s.scheme)).toEqual(['app']);
    expect(protocol.handlers.has('app')).toBe(true);
  });

  it('sandboxes every renderer', () => {
    expect(app.sandboxed).toBe(true);
    expect(win.options['webPreferences']).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('loads the window from app://, not file://', () => {
    expect(win.loadedUrl).toBe('app://educredit/index.html');
  });

  it("guards the window's webContents and its session through web-contents-created", () => {
    expect(win.webContents.navigate('https://example.org/')).toBe(true);
    expect(win.webContents.open('https://example.org/')).toBe('deny');
    expect(session.defaultSession.lets('https://example.org/')).toBe(false);
    expect(session.defaultSession.lets('app://educredit/index.html')).toBe(true);
  });

  it("answers our page's top frame through the real dispatcher", async () => {
    const result = await invoke(win.webContents, win.webContents.mainFrame, { route: 'system.status', input: {} });
    expect(result).toMatchObject({ ok: true, value: { status: { state: 'new' } } });
  });

  it('refuses a subframe of our page, and says so in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sub = frame('app://educredit/index.html', win.webContents.mainFrame);
    expect(await invoke(win.webContents, sub, { route: 'system.status', input: {} })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(log).toHaveBeenCalledWith('ipc: refused a call from app://educredit/index.html');
    log.mockRestore();
  });

  it('refuses a top frame of another origin', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    win.webContents.commit('https://example.org/');
    try {
      expect(await invoke(win.webContents, win.webContents.mainFrame, { route: 'system.status', input: {} })).toEqual({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      win.webContents.commit('app://educredit/index.html');
      log.mockRestore();
    }
  });
});

describe('the folder picker', () => {
  function ask(senderFrame: FakeFrame | null, request: unknown): Promise<unknown> {
    const handler = ipcMain.handlers.get(SHELL_CHANNEL);
    if (!handler) throw new Error('no shell handler');
    return Promise.resolve(handler({ sender: win.webContents, senderFrame } as unknown as IpcMainInvokeEvent, request));
  }

  it('opens the system dialog on our window for folders, and answers the path chosen', async () => {
    dialog.next = { canceled: false, filePaths: ['/media/usb/交换'] };
    expect(await ask(win.webContents.mainFrame, { op: 'pickFolder', title: '选择导出数据包的文件夹' })).toBe('/media/usb/交换');
    const asked = dialog.asked.at(-1)!;
    expect(asked.window).toBe(win);
    expect(asked.options).toMatchObject({ title: '选择导出数据包的文件夹', properties: expect.arrayContaining(['openDirectory', 'createDirectory']) });
  });

  it('answers null when the user cancels', async () => {
    dialog.next = { canceled: true, filePaths: [] };
    expect(await ask(win.webContents.mainFrame, { op: 'pickFolder', title: 'x' })).toBeNull();
  });

  it('asks nothing for a subframe or for anything but a folder', async () => {
    const before = dialog.asked.length;
    expect(await ask(frame('app://educredit/index.html', win.webContents.mainFrame), { op: 'pickFolder', title: 'x' })).toBeNull();
    expect(await ask(win.webContents.mainFrame, { op: 'openFile', title: 'x' })).toBeNull();
    expect(await ask(win.webContents.mainFrame, 'pickFolder')).toBeNull();
    expect(dialog.asked.length).toBe(before);
  });
});
