// The main process's security rules (electron/main/security.ts) against a stand-in of Electron's
// objects: navigation off our origin, new windows, webviews and permissions are refused for every
// webContents, ours or not, and IPC is answered only for our own page's top frame.
import { describe, expect, it } from 'vitest';
import type { App, IpcMainInvokeEvent, PermissionRequest, Session, WebContents } from 'electron';
import { guardAllWebContents, hardenContents, hardenSession, isTrustedSender, secureWebPreferences } from '../../electron/main/security';
import { FakeSession, FakeWebContents, frame, type FakeFrame } from './electron-stand-in';
import { EventEmitter } from 'node:events';

const OWN = 'app://educredit/index.html';

function guarded(url = OWN): FakeWebContents {
  const contents = new FakeWebContents(new FakeSession(), url);
  hardenContents(contents as unknown as WebContents);
  return contents;
}

function requestPermission(ses: FakeSession, permission: string, requestingUrl: string, isMainFrame = true): boolean {
  let granted: boolean | null = null;
  const details: PermissionRequest = { requestingUrl, isMainFrame };
  ses.permissionRequest?.({} as WebContents, permission as 'media', (g) => (granted = g), details);
  if (granted === null) throw new Error('the permission request was never answered');
  return granted;
}

function checkPermission(ses: FakeSession, permission: string, origin: string, isMainFrame = true): boolean {
  if (!ses.permissionCheck) throw new Error('no permission check handler');
  return ses.permissionCheck(null, permission as 'media', origin, { isMainFrame });
}

describe('every webContents is kept on our origin', () => {
  it('prevents navigation to the web, to files and to look-alike origins', () => {
    const contents = guarded();
    expect(contents.navigate('http://example.org/')).toBe(true);
    expect(contents.navigate('https://example.org/')).toBe(true);
    expect(contents.navigate('file:///etc/passwd')).toBe(true);
    expect(contents.navigate('app://educredit.evil/index.html')).toBe(true);
    expect(contents.navigate('app://evil@educredit/index.html')).toBe(true);
    expect(contents.navigate('javascript:alert(1)')).toBe(true);
  });

  it('prevents a subframe navigating off our origin too', () => {
    expect(guarded().navigate('http://example.org/', false)).toBe(true);
  });

  it('lets our own page navigate within our origin', () => {
    expect(guarded().navigate('app://educredit/index.html')).toBe(false);
  });

  it('prevents redirects', () => {
    expect(guarded().redirect('http://example.org/')).toBe(true);
  });

  it('denies window.open and refuses webviews', () => {
    const contents = guarded();
    expect(contents.open('https://example.org/')).toBe('deny');
    expect(contents.open(OWN)).toBe('deny');
    expect(contents.attachWebview()).toBe(true);
  });

  it('does nothing of the kind without the guard (the stand-in lets everything through)', () => {
    const bare = new FakeWebContents(new FakeSession());
    expect(bare.navigate('http://example.org/')).toBe(false);
    expect(bare.open('https://example.org/')).toBe('allow');
    expect(bare.attachWebview()).toBe(false);
  });
});

describe('sessions', () => {
  it('deny every permission, asked or checked', () => {
    const ses = guarded().session;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fullscreen']) {
      expect(requestPermission(ses, permission, OWN)).toBe(false);
      expect(checkPermission(ses, permission, 'app://educredit')).toBe(false);
    }
    expect(ses.devicePermission?.({ deviceType: 'usb', origin: 'app://educredit' } as Parameters<NonNullable<FakeSession['devicePermission']>>[0])).toBe(false);
  });

  it('grant writing to the clipboard to our own top frame only (the error screen copies its text)', () => {
    const ses = guarded().session;
    expect(requestPermission(ses, 'clipboard-sanitized-write', OWN)).toBe(true);
    expect(checkPermission(ses, 'clipboard-sanitized-write', 'app://educredit')).toBe(true);
    expect(requestPermission(ses, 'clipboard-sanitized-write', OWN, false)).toBe(false);
    expect(checkPermission(ses, 'clipboard-sanitized-write', 'app://educredit', false)).toBe(false);
    expect(requestPermission(ses, 'clipboard-sanitized-write', 'https://example.org/')).toBe(false);
    expect(checkPermission(ses, 'clipboard-sanitized-write', 'https://example.org')).toBe(false);
  });

  it('cancel every request that is not to our origin', () => {
    const ses = guarded().session;
    expect(ses.lets('app://educredit/assets/index.js')).toBe(true);
    expect(ses.lets('data:image/png;base64,AAAA')).toBe(true);
    expect(ses.lets('blob:app://educredit/6f1c2d3e-0000-4000-8000-000000000000')).toBe(true);
    expect(ses.lets('blob:https://example.org/6f1c2d3e-0000-4000-8000-000000000000')).toBe(false);
    expect(ses.lets('https://example.org/tracker.js')).toBe(false);
    expect(ses.lets('http://127.0.0.1:5179/api/edu:system.status')).toBe(false);
    expect(ses.lets('file:///etc/passwd')).toBe(false);
    expect(ses.lets('app://other/index.html')).toBe(false);
  });

  it('are hardened once, however many webContents share them', () => {
    const ses = new FakeSession();
    hardenSession(ses as unknown as Session);
    const first = ses.permissionRequest;
    hardenContents(new FakeWebContents(ses) as unknown as WebContents);
    expect(ses.permissionRequest).toBe(first);
  });
});

describe('web-contents-created', () => {
  it('puts the guard on a webContents the app did not create, in a session of its own', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as unknown as Pick<App, 'on'>);
    const foreign = new FakeWebContents(new FakeSession(), 'about:blank');
    app.emit('web-contents-created', {}, foreign);
    expect(foreign.navigate('https://example.org/')).toBe(true);
    expect(foreign.open('https://example.org/')).toBe('deny');
    expect(foreign.attachWebview()).toBe(true);
    expect(requestPermission(foreign.session, 'media', 'https://example.org/')).toBe(false);
    expect(foreign.session.lets('https://example.org/')).toBe(false);
  });
});

describe('the IPC sender check', () => {
  function event(contents: FakeWebContents, senderFrame: FakeFrame | null): Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'> {
    return { sender: contents, senderFrame } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
  }

  it('accepts our own page in the top frame', () => {
    const contents = new FakeWebContents(new FakeSession(), OWN);
    expect(isTrustedSender(event(contents, contents.mainFrame))).toBe(true);
  });

  it('refuses a subframe, even one showing our own origin', () => {
    const contents = new FakeWebContents(new FakeSession(), OWN);
    expect(isTrustedSender(event(contents, frame(OWN, contents.mainFrame)))).toBe(false);
    expect(isTrustedSender(event(contents, frame('https://example.org/', contents.mainFrame)))).toBe(false);
  });

  it('refuses a top frame showing another origin', () => {
    for (const url of ['https://example.org/', 'file:///tmp/index.html', 'app://other/index.html', 'app://educredit.evil/index.html']) {
      const contents = new FakeWebContents(new FakeSession(), url);
      expect(isTrustedSender(event(contents, contents.mainFrame))).toBe(false);
    }
  });

  it("refuses a frame without a parent that is not the webContents' main frame", () => {
    const contents = new FakeWebContents(new FakeSession(), OWN);
    expect(isTrustedSender(event(contents, frame(OWN)))).toBe(false);
  });

  it('refuses a frame that has gone (navigated away or destroyed)', () => {
    const contents = new FakeWebContents(new FakeSession(), OWN);
    expect(isTrustedSender(event(contents, null))).toBe(false);
  });
});

describe('window preferences', () => {
  it('sandbox and isolate the page, with devtools only when asked', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs', false);
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInSubFrames: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(secureWebPreferences('/app/preload/index.cjs', true).devTools).toBe(true);
  });
});
