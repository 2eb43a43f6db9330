// Electron security settings in one place (main process). Every window is sandboxed and isolated,
// loads only our own files, cannot navigate or open windows, and is granted no permission.
import { app, session, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp';

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools: !app.isPackaged,
  };
}

/** Our pages are file:// URLs inside the app folder; nothing else may load. */
export function isOwnUrl(url: string, appUrlPrefix: string): boolean {
  return url.startsWith(appUrlPrefix);
}

export function hardenSession(appUrlPrefix: string): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    // No remote content: only our own files and devtools may be fetched.
    const allowed = isOwnUrl(details.url, appUrlPrefix) || details.url.startsWith('devtools://') || details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function hardenContents(contents: WebContents, appUrlPrefix: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnUrl(url, appUrlPrefix)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
