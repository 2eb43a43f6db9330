// A stand-in for the 'electron' module (tests only). Electron's binary cannot run on this machine,
// so the main process's own modules run against these fakes of app, protocol, session, ipcMain,
// BrowserWindow and Menu; each fake records what was registered and replays Electron's events.
import { EventEmitter } from 'node:events';
import type {
  CallbackResponse,
  CustomScheme,
  HandlerDetails,
  IpcMain,
  OnBeforeRequestListenerDetails,
  Session,
  WindowOpenHandlerResponse,
} from 'electron';

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type PermissionCheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DevicePermissionHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
type BeforeRequestListener = (details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void;
type IpcHandler = Parameters<IpcMain['handle']>[1];
type ProtocolHandler = (request: Request) => Response | Promise<Response>;

/** What a fake frame exposes of WebFrameMain: enough for the IPC sender check. */
export interface FakeFrame {
  readonly parent: FakeFrame | null;
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
}

let nextRoutingId = 1;

export function frame(url: string, parent: FakeFrame | null = null, processId = 7): FakeFrame {
  return { parent, url, processId, routingId: nextRoutingId++ };
}

export class FakeSession {
  permissionRequest: PermissionRequestHandler | null = null;
  permissionCheck: PermissionCheckHandler | null = null;
  devicePermission: DevicePermissionHandler | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequestListener): void => {
      this.beforeRequest = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequest = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheck = handler;
  }

  setDevicePermissionHandler(handler: DevicePermissionHandler): void {
    this.devicePermission = handler;
  }

  /** Whether the request filter lets a request to `url` through (true when no filter is set). */
  lets(url: string): boolean {
    let cancel = false;
    this.beforeRequest?.({ url } as OnBeforeRequestListenerDetails, (r) => {
      cancel = r.cancel === true;
    });
    return !cancel;
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  mainFrame: FakeFrame;

  constructor(
    readonly session: FakeSession,
    url = 'about:blank',
  ) {
    super();
    this.mainFrame = frame(url);
  }

  /** The top frame commits a page: same frame, new URL. */
  commit(url: string): void {
    this.mainFrame = { ...this.mainFrame, url };
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }

  /** Emits a cancellable event as Electron does; returns whether a listener prevented it. */
  private cancellable(name: string, fields: Record<string, unknown>): boolean {
    let prevented = false;
    this.emit(name, { ...fields, preventDefault: () => (prevented = true) });
    return prevented;
  }

  navigate(url: string, isMainFrame = true): boolean {
    return this.cancellable('will-frame-navigate', { url, isMainFrame, isSameDocument: false });
  }

  redirect(url: string): boolean {
    return this.cancellable('will-redirect', { url, isMainFrame: true, isSameDocument: false });
  }

  attachWebview(): boolean {
    return this.cancellable('will-attach-webview', {});
  }

  /** What window.open(url) would get: Electron allows it when no handler is set. */
  open(url: string): WindowOpenHandlerResponse['action'] {
    return this.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as HandlerDetails).action ?? 'allow';
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  sandboxed = false;
  quitCalled = false;
  isReady = false;
  private readyResolve: () => void = () => {};
  private readonly readyPromise = new Promise<void>((r) => (this.readyResolve = r));

  enableSandbox(): void {
    this.sandboxed = true;
  }

  requestSingleInstanceLock(): boolean {
    return true;
  }

  quit(): void {
    this.quitCalled = true;
  }

  /** No user-data folder of the machine's is ever touched: tests give EDUCREDIT_DATA_DIR. */
  getPath(name: string): string {
    throw new Error(`app.getPath('${name}') in a test: set EDUCREDIT_DATA_DIR`);
  }

  whenReady(): Promise<void> {
    return this.readyPromise;
  }

  /** Fires ready, as Electron does once it has started. */
  ready(): Promise<void> {
    this.isReady = true;
    this.readyResolve();
    return this.readyPromise;
  }
}

export const app = new FakeApp();

class FakeProtocol {
  privileged: CustomScheme[] | null = null;
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    // Electron ignores or throws on a late call; the stand-in refuses it so a late call fails the test.
    if (app.isReady) throw new Error('registerSchemesAsPrivileged after ready');
    this.privileged = schemes;
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady) throw new Error('protocol.handle before ready');
    this.handlers.set(scheme, handler);
  }
}

export const protocol = new FakeProtocol();

export const session = {
  defaultSession: new FakeSession(),
  fromPartition: (): FakeSession => new FakeSession(),
};

export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle(channel: string, handler: IpcHandler): void {
    this.handlers.set(channel, handler);
  },
};

export const Menu = {
  setApplicationMenu: (): void => {},
};

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents(session.defaultSession);
  loadedUrl: string | null = null;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.windows.push(this);
    // Electron announces every new webContents on the app before anything loads into it.
    app.emit('web-contents-created', {}, this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.windows;
  }

  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.windows.find((w) => w.webContents === contents) ?? null;
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.commit(url);
    return Promise.resolve();
  }

  show(): void {}

  focus(): void {}
}

/** The system's open dialog: records what it was asked and answers with `next`. */
export const dialog = {
  asked: [] as { window: BrowserWindow | null; options: Record<string, unknown> }[],
  next: { canceled: true, filePaths: [] as string[] },
  showOpenDialog(a: BrowserWindow | Record<string, unknown>, b?: Record<string, unknown>): Promise<{ canceled: boolean; filePaths: string[] }> {
    const window = a instanceof BrowserWindow ? a : null;
    this.asked.push({ window, options: (b ?? a) as Record<string, unknown> });
    return Promise.resolve(this.next);
  },
};
