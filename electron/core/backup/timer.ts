// The daily automatic backup (core): checked every five minutes while the store is open.
import type { Installation } from '../app/installation';
import { backupIfDue } from './service';

const CHECK_EVERY_MS = 5 * 60 * 1000;

export function startBackupTimer(inst: Installation, log: (line: string) => void): NodeJS.Timeout {
  const tick = (): void => {
    if (inst.status().state !== 'open') return;
    try {
      const made = backupIfDue(inst);
      if (made) log(`backup written: ${made.file}`);
    } catch (e) {
      log(`backup failed: ${(e as Error).message}`);
    }
  };
  const timer = setInterval(tick, CHECK_EVERY_MS);
  timer.unref();
  return timer;
}
