// Reads an .xlsx in a worker thread (core: main process, web host, CLI), so that unpacking and
// parsing never block the thread that answers the UI, a cancel stops the work at once, and a
// workbook that needs too much memory kills only the worker (then BAD_FILE, never a crash).
//
// Where the worker's code is: beside the module that starts it, built or not. The electron-vite
// build of the main process emits electron/core/import/xlsxWorker.ts as xlsxWorker.js next to its
// entry (out/main/), and this code, bundled into that entry, finds it there. Running from source
// (tsx for the web host and the CLI, vitest for the tests) there is only xlsxWorker.ts; Node 20
// runs no TypeScript and a worker does not inherit the loader tsx registered in this thread, so
// the worker first registers tsx itself, then imports the source.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import { badFile, refusedFile } from './fileErrors';
import { WORKER_HEAP_MB } from './limits';
import type { SheetRow } from './parse';
import type { WorkerInput, WorkerMessage } from './xlsxWorker';

export interface WorkerControl {
  /** import.cancel aborts it: the worker is terminated at once. */
  signal: AbortSignal;
  /** How far the worker is through the sheet's rows. */
  progress(done: number, total: number): void;
  /** The worker's heap in MB: WORKER_HEAP_MB unless the caller wants less. */
  heapMb?: number;
}

let live = 0;

/** Worker threads reading a workbook now (tests and diagnostics). */
export function liveXlsxWorkers(): number {
  return live;
}

function startWorker(options: WorkerOptions): Worker {
  // Built beside the program that runs it: out/node (CLI, web host) or out/main (Electron).
  for (const name of ['./xlsxWorker.mjs', './xlsxWorker.js']) {
    const built = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(built))) return new Worker(built, options);
  }
  const source = new URL('./xlsxWorker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

/** The sheet's non-empty rows, or BAD_FILE with the reason; rejects as soon as `signal` aborts. */
export function readXlsxInWorker(bytes: Buffer, fileName: string, control: WorkerControl): Promise<SheetRow[]> {
  return new Promise((resolve, reject) => {
    if (control.signal.aborted) return reject(new AppError('IMPORT_JOB_GONE'));
    const heapMb = control.heapMb ?? WORKER_HEAP_MB;
    // A copy the worker can own: the caller's buffer may share memory with other data.
    const copy = new Uint8Array(bytes).buffer;
    const input: WorkerInput = { bytes: copy };
    const worker = startWorker({
      workerData: input,
      transferList: [copy],
      name: 'educredit-xlsx',
      resourceLimits: { maxOldGenerationSizeMb: heapMb },
    });
    live += 1;
    const rows: SheetRow[] = [];
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      control.signal.removeEventListener('abort', onAbort);
      // Whatever the outcome, the thread and the memory it holds go now.
      void worker.terminate().then(outcome);
    };
    const onAbort = (): void => finish(() => reject(new AppError('IMPORT_JOB_GONE')));
    control.signal.addEventListener('abort', onAbort);
    worker.on('exit', () => {
      live -= 1;
      finish(() => reject(new Error('the xlsx worker stopped without an answer')));
    });
    worker.on('message', (m: WorkerMessage) => {
      switch (m.type) {
        case 'progress':
          return control.progress(m.done, m.total);
        case 'rows':
          for (const row of m.rows) rows.push(row);
          return;
        case 'done':
          return finish(() => resolve(rows));
        case 'refused':
          return finish(() => reject(refusedFile(fileName, m.refusal)));
        case 'unreadable':
          return finish(() => reject(badFile(fileName, `not a readable .xlsx workbook: ${m.detail}`)));
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') finish(() => reject(refusedFile(fileName, { reason: 'outOfMemory', maxMb: heapMb })));
      else finish(() => reject(e));
    });
  });
}
