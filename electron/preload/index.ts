// Preload (sandboxed, CommonJS): exposes the API call and the folder picker, nothing else. It
// refuses route names that are not in the contract's shape, so the page can never reach another
// IPC channel or ask the shell for anything but a folder.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, SHELL_CHANNEL, type EduBridge, type ShellRequest } from '../../shared/api/ipc';

const ROUTE_NAME = /^[a-z]+\.[A-Za-z]+$/;

const bridge: EduBridge = {
  invoke(route: string, payload: { session?: string; input?: unknown }): Promise<unknown> {
    if (typeof route !== 'string' || !ROUTE_NAME.test(route)) return Promise.reject(new Error('bad route'));
    return ipcRenderer.invoke(IPC_CHANNEL, { route, session: payload?.session, input: payload?.input });
  },
  pickFolder(title: string): Promise<string | null> {
    const request: ShellRequest = { op: 'pickFolder', title: String(title).slice(0, 100) };
    return ipcRenderer.invoke(SHELL_CHANNEL, request) as Promise<string | null>;
  },
};

contextBridge.exposeInMainWorld('educredit', bridge);
