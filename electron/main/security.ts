// Electron security in one place (main process): window preferences, the guard every webContents
// gets (ours or not), session permissions and the request filter, and the IPC sender check.
// Electron's objects come in as parameters, so the rules run against a stand-in in tests.
import type { App, IpcMainInvokeEvent, Session, WebContents, WebPreferences } from 'electron';
import { isOwnUrl } from './appOrigin';

export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools,
  };
}

/**
 * The one permission granted: writing text to the clipboard, which the error screens' copy button
 * uses (Chromium still requires a user gesture for it). Only our own page's top frame gets it.
 */
const GRANTED_PERMISSION = 'clipboard-sanitized-write';

function grants(permission: string, url: string, isMainFrame: boolean): boolean {
  return permission === GRANTED_PERMISSION && isMainFrame && isOwnUrl(url);
}

const hardenedSessions = new WeakSet<Session>();

/** Permissions and the request filter of a session; each session is hardened once. */
export function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => callback(grants(permission, details.requestingUrl, details.isMainFrame)));
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) => grants(permission, requestingOrigin, details.isMainFrame));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    // Nothing remote: only our own origin, inline data, blobs our page made (evidence previews,
    // files it saves) and, in development, the devtools.
    const { url } = details;
    const allowed = isOwnUrl(url) || (url.startsWith('blob:') && isOwnUrl(url.slice('blob:'.length))) || url.startsWith('data:') || url.startsWith('devtools://');
    callback({ cancel: !allowed });
  });
}

/** Applies to every webContents: it stays on our origin, opens no window and attaches no webview. */
export function hardenContents(contents: WebContents): void {
  hardenSession(contents.session);
  // will-frame-navigate covers the top frame and every subframe (will-navigate only the top one).
  contents.on('will-frame-navigate', (event) => {
    if (!isOwnUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Every webContents the app ever creates, including ones it did not create itself, gets the guard. */
export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
}

/**
 * An IPC call is answered only when it comes from the top frame of its webContents (not a
 * subframe, not a detached or navigated-away frame) and that frame shows our own origin.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const top = event.sender.mainFrame;
  return frame.processId === top.processId && frame.routingId === top.routingId && isOwnUrl(frame.url);
}
