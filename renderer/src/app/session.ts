// The logged-in user as the renderer knows it (DOM).
import { createContext, useContext } from 'react';
import type { RouteOutput } from '../../../shared/api/contract';

export type Me = RouteOutput<'auth.login'>;

export interface SessionState {
  me: Me;
  logout(reason?: 'idle' | 'user' | 'ended'): void;
  refreshMe(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}
