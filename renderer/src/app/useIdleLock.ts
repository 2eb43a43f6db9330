// Locks the screen after the idle-lock period without keyboard or mouse use (DOM). Activity also
// keeps the core's session alive, at most once a minute, so a long form does not time out.
import { useEffect, useRef } from 'react';
import { call } from '../api/client';

const KEEPALIVE_MS = 60_000;
const EVENTS = ['mousedown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(minutes: number, onIdle: () => void): void {
  const lastActive = useRef(Date.now());
  const lastPing = useRef(Date.now());
  useEffect(() => {
    const active = (): void => {
      lastActive.current = Date.now();
      if (Date.now() - lastPing.current > KEEPALIVE_MS) {
        lastPing.current = Date.now();
        void call('auth.me', {});
      }
    };
    for (const e of EVENTS) window.addEventListener(e, active, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActive.current > minutes * 60_000) onIdle();
    }, 5_000);
    return () => {
      for (const e of EVENTS) window.removeEventListener(e, active);
      window.clearInterval(timer);
    };
  }, [minutes, onIdle]);
}
