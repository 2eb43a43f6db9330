// Runs an import preview as a job the user can watch and cancel (DOM). The client names the job
// (a random UUID, import.preview's optional jobId) so it can poll import.progress every
// PROGRESS_POLL_MS while import.preview is still pending, and cancel it by that name. Should a core
// not know the name, the polls answer IMPORT_JOB_GONE and the bar just stays indeterminate.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RouteInput, RouteOutput } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/errors';
import type { ImportPreview } from '../../../../shared/api/routes/import';
import { call } from '../../api/client';

const PROGRESS_POLL_MS = 300;

export type Progress = RouteOutput<'import.progress'>;

export type JobState =
  | { step: 'idle' }
  | { step: 'checking'; jobId: string; progress: Progress | null }
  | { step: 'previewed'; preview: ImportPreview }
  | { step: 'cancelled' }
  | { step: 'failed'; error: ApiError };

/** A version-4 UUID (the contract asks for one); randomUUID needs a secure context, so a fallback. */
function newJobId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function usePreviewJob(): { state: JobState; start(input: RouteInput<'import.preview'>): Promise<void>; cancel(): Promise<void>; reset(): void } {
  const [state, setState] = useState<JobState>({ step: 'idle' });
  const current = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const stopPolling = (): void => {
    if (timer.current) clearInterval(timer.current);
    timer.current = null;
  };
  useEffect(() => stopPolling, []);

  const start = useCallback(async (input: RouteInput<'import.preview'>) => {
    const jobId = newJobId();
    current.current = jobId;
    setState({ step: 'checking', jobId, progress: null });
    stopPolling();
    timer.current = setInterval(() => {
      void call('import.progress', { jobId }).then((r) => {
        if (r.ok && current.current === jobId) setState((s) => (s.step === 'checking' && s.jobId === jobId ? { ...s, progress: r.value } : s));
      });
    }, PROGRESS_POLL_MS);
    const r = await call('import.preview', { ...input, jobId });
    stopPolling();
    if (current.current !== jobId) return; // cancelled or replaced meanwhile
    if (r.ok) setState({ step: 'previewed', preview: r.value });
    else setState(r.error.code === 'IMPORT_JOB_GONE' ? { step: 'cancelled' } : { step: 'failed', error: r.error });
  }, []);

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (!jobId) return;
    current.current = null;
    stopPolling();
    setState({ step: 'cancelled' });
    await call('import.cancel', { jobId });
  }, []);

  const reset = useCallback(() => {
    current.current = null;
    stopPolling();
    setState({ step: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
