// The single IPC channel between the preload and the main process.
export const IPC_CHANNEL = 'edu:invoke';

/** What the preload exposes on window.educredit. */
export interface EduBridge {
  invoke(route: string, payload: { session?: string; input?: unknown }): Promise<unknown>;
}
