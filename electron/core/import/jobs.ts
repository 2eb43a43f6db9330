// Import jobs (core): a preview's parsed rows wait here, in memory, for their commit. Nothing of
// an uploaded file is written to disk before the commit. Jobs belong to one installation (a
// WeakMap, so a closed installation's jobs go with it) and to the user who started them, and
// expire after JOB_TTL_MS on the installation's clock.
import { randomUUID } from 'node:crypto';
import type { ImportPreview, ImportProblem } from '../../../shared/api/routes/import';
import { AppError } from '../../../shared/api/errors';
import type { Installation } from '../app/installation';
import type { ImportKind } from './columns';
import type { Sheet } from './parse';

export const JOB_TTL_MS = 30 * 60_000;
/** Each job holds a whole parsed file; a user's older jobs beyond this many are dropped. */
export const MAX_JOBS_PER_USER = 3;

export type Phase = 'reading' | 'checking' | 'ready' | 'cancelled' | 'failed';

export interface Job {
  id: string;
  userId: number;
  kind: ImportKind;
  fileName: string;
  sha256: string;
  createdMs: number;
  phase: Phase;
  done: number;
  total: number;
  /** Set by import.cancel (or when dropped): a running preview stops at its next turn. */
  cancelled: boolean;
  /** Aborted with `cancelled`: stops an .xlsx worker at once rather than at the next turn. */
  abort: AbortController;
  /** The parsed file, kept for the commit once the preview is ready. */
  sheet: Sheet | null;
  preview: ImportPreview | null;
  /** Every problem the check found (the preview lists the first ones), for the problem list's export. */
  problems: ImportProblem[];
}

const byInstallation = new WeakMap<Installation, Map<string, Job>>();

function jobsOf(inst: Installation): Map<string, Job> {
  let jobs = byInstallation.get(inst);
  if (!jobs) {
    jobs = new Map();
    byInstallation.set(inst, jobs);
  }
  return jobs;
}

function drop(jobs: Map<string, Job>, job: Job): void {
  job.cancelled = true;
  job.abort.abort();
  job.sheet = null;
  jobs.delete(job.id);
}

function prune(inst: Installation): void {
  const now = inst.clock.now().getTime();
  const jobs = jobsOf(inst);
  for (const job of [...jobs.values()]) if (now - job.createdMs > JOB_TTL_MS) drop(jobs, job);
}

export function startJob(inst: Installation, fields: { userId: number; kind: ImportKind; fileName: string; sha256: string; id?: string | undefined }): Job {
  prune(inst);
  const jobs = jobsOf(inst);
  const id = fields.id ?? randomUUID();
  const clash = jobs.get(id);
  if (clash && clash.userId !== fields.userId) throw new AppError('CONFLICT', { what: id });
  if (clash) drop(jobs, clash);
  const mine = [...jobs.values()].filter((j) => j.userId === fields.userId).sort((a, b) => a.createdMs - b.createdMs);
  for (const old of mine.slice(0, Math.max(0, mine.length - (MAX_JOBS_PER_USER - 1)))) drop(jobs, old);
  const job: Job = {
    id,
    userId: fields.userId,
    kind: fields.kind,
    fileName: fields.fileName,
    sha256: fields.sha256,
    createdMs: inst.clock.now().getTime(),
    phase: 'reading',
    done: 0,
    total: 0,
    cancelled: false,
    abort: new AbortController(),
    sheet: null,
    preview: null,
    problems: [],
  };
  jobs.set(id, job);
  return job;
}

/**
 * The user's own live job. Someone else's job is as gone as a missing one: its existence is not
 * confirmed to another account.
 */
export function findJob(inst: Installation, userId: number, jobId: string): Job {
  prune(inst);
  const job = jobsOf(inst).get(jobId);
  if (!job || job.userId !== userId) throw new AppError('IMPORT_JOB_GONE');
  return job;
}

export function cancelJob(job: Job): void {
  job.cancelled = true;
  job.phase = 'cancelled';
  job.abort.abort();
  // The rows are never needed again; let them go now rather than at expiry.
  job.sheet = null;
  job.preview = null;
}

export function finishJob(inst: Installation, job: Job): void {
  drop(jobsOf(inst), job);
}

/** The ids of a user's jobs, oldest first (tests and diagnostics). */
export function jobIds(inst: Installation, userId: number): string[] {
  return [...jobsOf(inst).values()].filter((j) => j.userId === userId).sort((a, b) => a.createdMs - b.createdMs).map((j) => j.id);
}
