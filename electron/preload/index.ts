// Preload (sandboxed, CommonJS): exposes exactly one function. It refuses route names that are not
// in the contract's shape, so the page can never reach another IPC channel.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type EduBridge } from '../../shared/api/ipc';

const ROUTE_NAME = /^[a-z]+\.[A-Za-z]+$/;

const bridge: EduBridge = {
  invoke(route: string, payload: { session?: string; input?: unknown }): Promise<unknown> {
    if (typeof route !== 'string' || !ROUTE_NAME.test(route)) return Promise.reject(new Error('bad route'));
    return ipcRenderer.invoke(IPC_CHANNEL, { route, session: payload?.session, input: payload?.input });
  },
};

contextBridge.exposeInMainWorld('educredit', bridge);
