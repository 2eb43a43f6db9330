// A batch of reports as a job the user watches (runs in the DOM): reports.batchStart returns at
// once with a job id, then reports.batchProgress is polled every POLL_MS until the job leaves
// 'running'; reports.batchCancel asks the core to stop between two reports.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RouteInput, RouteOutput } from '../../../../shared/api/contract';
import { call } from '../../api/client';
import type { ApiError } from '../../../../shared/api/errors';

const POLL_MS = 300;

export type BatchJob = RouteOutput<'reports.batchProgress'>;

export interface BatchState {
  job: BatchJob | null;
  /** A call that failed (start, progress or cancel), as the core said it, for the form to word. */
  apiError: ApiError | null;
  starting: boolean;
  /** Cancel was asked and the core has not answered yet. */
  cancelling: boolean;
  start(input: RouteInput<'reports.batchStart'>): Promise<void>;
  cancel(): Promise<void>;
}

export function useBatchJob(onFinished: () => void): BatchState {
  const [job, setJob] = useState<BatchJob | null>(null);
  const [apiError, setError] = useState<ApiError | null>(null);
  const [starting, setStarting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  // The latest callback, so a poll started earlier still tells the current screen.
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const stop = (): void => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const watch = useCallback((jobId: string) => {
    stop();
    timer.current = setInterval(() => {
      void call('reports.batchProgress', { jobId }).then((r) => {
        if (!r.ok) {
          stop();
          setError(r.error);
          return;
        }
        setJob(r.value);
        if (r.value.phase !== 'running') {
          stop();
          finished.current();
        }
      });
    }, POLL_MS);
  }, []);

  const start = useCallback(
    async (input: RouteInput<'reports.batchStart'>) => {
      setError(null);
      setJob(null);
      setStarting(true);
      const r = await call('reports.batchStart', input);
      setStarting(false);
      if (!r.ok) {
        setError(r.error);
        return;
      }
      setJob(r.value);
      watch(r.value.jobId);
    },
    [watch],
  );

  const cancel = useCallback(async () => {
    if (!job) return;
    // The poll keeps running: the job says 'cancelled' once the report in hand is finished.
    setCancelling(true);
    const r = await call('reports.batchCancel', { jobId: job.jobId });
    setCancelling(false);
    if (!r.ok) setError(r.error);
  }, [job]);

  return { job, apiError, starting, cancelling, start, cancel };
}
