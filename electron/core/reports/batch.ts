// Batch reports (core): every active teacher's report of a year into a folder, one PDF each, or
// kept for one zip download (the web host), as a job the UI watches and can cancel between two reports. Each report is whole: a cancelled
// batch leaves the reports already made, each registered and audited, and nothing half-written.
// A teacher whose report of the year already shows the same content gets that report again (the
// confirmed PDF once confirmed), so a re-run, after a kill or a week later, issues no duplicates.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import type { Installation } from '../app/installation';
import type { Session } from '../auth/sessions';
import { writeFileAtomic } from '../fs/atomic';
import { assertWholeFolderPath } from '../fs/folders';
import { zipFiles } from '../fs/zip';
import { generateReport, reportDay } from './service';

export interface BatchJob {
  id: string;
  userId: number;
  /** Where the PDFs are written; null when they are kept (`kept`) for one zip download. */
  folder: string | null;
  kept: { name: string; data: Buffer }[];
  year: number;
  total: number;
  done: number;
  /** Of those done, how many were already issued with the same content and only written out again. */
  existing: number;
  files: string[];
  phase: 'running' | 'done' | 'cancelled' | 'failed';
  error: string | null;
  cancel: boolean;
}

const jobs = new WeakMap<Installation, Map<string, BatchJob>>();

function jobsOf(inst: Installation): Map<string, BatchJob> {
  let m = jobs.get(inst);
  if (!m) jobs.set(inst, (m = new Map()));
  return m;
}

/** File names people can sort and read: staff number and name, never the ID number. */
function fileName(staffNo: string, name: string, number: string): string {
  return `${staffNo}-${name}-${number}.pdf`.replace(/[\\/:*?"<>|]/g, '_');
}

/** Starts the batch and returns at once; `run` resolves when it ends (the CLI awaits it). */
export function startBatch(inst: Installation, s: Session, year: number | undefined, folder: string | null, only?: number[]): { job: BatchJob; run: Promise<BatchJob> } {
  const day = reportDay(inst, year);
  if (folder !== null) {
    assertWholeFolderPath(folder, 'folder');
    mkdirSync(folder, { recursive: true });
  }
  // A user's earlier batch kept for a download gives its memory back to the new one.
  for (const old of jobsOf(inst).values()) if (old.userId === s.userId && old.phase !== 'running') old.kept = [];
  const all = inst.open().raw.prepare("SELECT id, staff_no AS staffNo, name FROM teachers WHERE status = 'active' ORDER BY staff_no").all() as { id: number; staffNo: string; name: string }[];
  const teachers = only ? all.filter((t) => only.includes(t.id)) : all;
  const job: BatchJob = { id: randomUUID(), userId: s.userId, folder, kept: [], year: day.year, total: teachers.length, done: 0, existing: 0, files: [], phase: 'running', error: null, cancel: false };
  jobsOf(inst).set(job.id, job);
  const run = (async () => {
    try {
      for (const t of teachers) {
        // Let progress and cancel calls (and everything else) in between two reports.
        await new Promise((r) => setImmediate(r));
        if (job.cancel) {
          job.phase = 'cancelled';
          return job;
        }
        const { report, pdf, existing } = await generateReport(inst, s, t.id, day.year);
        const name = fileName(t.staffNo, t.name, report.number);
        if (folder === null) job.kept.push({ name, data: pdf });
        else {
          const path = join(folder, name);
          writeFileAtomic(path, pdf);
          job.files.push(path);
        }
        job.done += 1;
        if (existing) job.existing += 1;
      }
      job.phase = 'done';
    } catch (e) {
      job.phase = 'failed';
      job.error = e instanceof AppError ? e.code : (e as Error).message;
    }
    return job;
  })();
  return { job, run };
}

export function batchJob(inst: Installation, s: Session, id: string): BatchJob {
  const job = jobsOf(inst).get(id);
  if (!job || job.userId !== s.userId) throw new AppError('NOT_FOUND');
  return job;
}

/** The reports of an ended batch that kept them, as one zip named for the year. */
export async function batchArchive(inst: Installation, s: Session, id: string): Promise<{ fileName: string; data: Buffer }> {
  const job = batchJob(inst, s, id);
  if (job.folder !== null || job.phase === 'running' || job.kept.length === 0) throw new AppError('NOT_FOUND');
  return { fileName: `教师信用报告-${job.year}-${job.kept.length}份.zip`, data: await zipFiles(job.kept, inst.clock.now()) };
}
