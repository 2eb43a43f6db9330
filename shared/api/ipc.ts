// The IPC channels between the preload and the main process: the API, and the few things only the
// desktop shell can do for the page (a native folder picker).
export const IPC_CHANNEL = 'edu:invoke';
export const SHELL_CHANNEL = 'edu:shell';

/** What the page may ask of the shell. */
export type ShellRequest = { op: 'pickFolder'; title: string };

/** What the preload exposes on window.educredit. */
export interface EduBridge {
  invoke(route: string, payload: { session?: string; input?: unknown }): Promise<unknown>;
  /** A folder the user chose in the system's own dialog, or null when they cancelled. */
  pickFolder(title: string): Promise<string | null>;
}
