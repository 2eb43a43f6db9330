// Import route handlers (core): template, preview (an asynchronous job the UI can watch and
// cancel), progress, cancel, and the all-or-nothing commit. Only the school administrator and the
// records clerk reach these (shared/api/routes/import.ts).
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { ImportPreview, importRoutes } from '../../../shared/api/routes/import';
import { currentVersion, listItems } from '../catalogue/service';
import { today } from '../clock';
import { me, type Handlers } from '../handler';
import { checkSheet, drain, MAX_LISTED_PROBLEMS, type CheckResult } from './check';
import { cancelJob, findJob, finishJob, startJob, type Job } from './jobs';
import { readSheet } from './parse';
import { buildTemplate } from './template';
import { writePlan } from './write';
import { sendList } from '../export/send';
import { problemListDocument } from './problemExport';

/** One turn of the event loop: progress polls and cancel calls are answered in between. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function gone(): AppError {
  return new AppError('IMPORT_JOB_GONE');
}

function toPreview(job: Job, result: CheckResult, encoding: string | null): ImportPreview {
  const { plan } = result;
  return {
    jobId: job.id,
    kind: job.kind,
    rows: result.rows,
    toInsert: plan.inserts.length,
    toUpdate: plan.updates.length,
    unchanged: result.unchanged,
    problems: result.problems.slice(0, MAX_LISTED_PROBLEMS),
    moreProblems: Math.max(0, result.problems.length - MAX_LISTED_PROBLEMS),
    ignoredColumns: result.ignoredColumns,
    encoding,
  };
}

/**
 * A client that wants to watch progress before the preview returns names the job itself (a UUID
 * in `jobId`, once the contract carries it); otherwise the job gets a fresh id.
 */
function requestedJobId(input: object): string | undefined {
  return 'jobId' in input && typeof input.jobId === 'string' && input.jobId !== '' ? input.jobId : undefined;
}

export const importHandlers: Handlers<typeof importRoutes> = {
  'import.template': async ({ inst }, { kind }) => {
    const raw = inst.open().raw;
    return buildTemplate(kind, kind === 'records' ? listItems(raw, currentVersion(raw)) : []);
  },

  'import.preview': async (ctx, input) => {
    const s = me(ctx);
    const inst = ctx.inst;
    inst.open();
    const bytes = Buffer.from(input.dataBase64, 'base64');
    const job = startJob(inst, {
      userId: s.userId,
      kind: input.kind,
      fileName: input.fileName,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      id: requestedJobId(input),
    });
    const tick = async (done: number, total: number): Promise<void> => {
      job.done = done;
      job.total = total;
      await turn();
      if (job.cancelled) throw gone();
    };
    try {
      const sheet = await readSheet(bytes, input.fileName, {
        tick,
        signal: job.abort.signal,
        progress: (done, total) => {
          job.done = done;
          job.total = total;
        },
      });
      if (job.cancelled) throw gone();
      job.phase = 'checking';
      job.done = 0;
      job.total = 0;
      // The lookups are loaded from the store during the first steps; later steps only use them.
      const checking = checkSheet(sheet, input.kind, { raw: inst.open().raw, today: today(inst) });
      let step = checking.next();
      while (!step.done) {
        await tick(step.value.done, step.value.total);
        step = checking.next();
      }
      job.sheet = sheet;
      job.problems = step.value.problems;
      job.preview = toPreview(job, step.value, sheet.encoding);
      job.phase = 'ready';
      job.done = job.total = step.value.rows;
      return job.preview;
    } catch (e) {
      if (job.cancelled) throw gone();
      job.phase = 'failed';
      job.sheet = null;
      throw e;
    }
  },

  'import.exportProblems': async (ctx, { jobId, format, lang }) => {
    const s = me(ctx);
    const job = findJob(ctx.inst, s.userId, jobId);
    if (job.phase !== 'ready') throw gone();
    // A roster's problems may quote what its rows say about students: the file name stays private.
    return sendList(ctx.inst, s, {
      route: 'import.exportProblems',
      subject: `import:${job.kind}`,
      baseName: lang === 'en' ? 'import-problems' : '导入问题清单',
      format,
      lang,
      filter: { fileName: job.fileName, kind: job.kind },
      filterIsPrivate: job.kind !== 'teachers',
      document: problemListDocument(job.problems, job.fileName, lang),
    });
  },

  'import.progress': (ctx, { jobId }) => {
    const job = findJob(ctx.inst, me(ctx).userId, jobId);
    return { phase: job.phase, done: job.done, total: job.total };
  },

  'import.cancel': (ctx, { jobId }) => {
    const job = findJob(ctx.inst, me(ctx).userId, jobId);
    cancelJob(job);
    return {};
  },

  'import.commit': (ctx, { jobId }) => {
    const s = me(ctx);
    const inst = ctx.inst;
    const job = findJob(inst, s.userId, jobId);
    if (job.phase !== 'ready' || !job.sheet) throw new AppError('IMPORT_JOB_GONE', undefined, `the preview is ${job.phase}`);
    const raw = inst.open().raw;
    const now = inst.clock.now();
    const day = today(inst);
    // Checked again here, in the commit's transaction: someone may have changed the registry
    // since the preview, and the file is applied to the data as it is now.
    const result = drain(checkSheet(job.sheet, job.kind, { raw, today: day }));
    if (result.problems.length > 0) throw new AppError('IMPORT_HAS_PROBLEMS', { count: result.problems.length });
    const written = writePlan({ raw, today: day, now, userId: s.userId, username: s.username, sha256: job.sha256 }, result.plan);
    // A roster's or a records file's name is often a class's or a student's name: for files that
    // may hold students it goes in the private part, which only those who may see students receive.
    const named = { fileName: job.fileName };
    const mayNameStudents = job.kind === 'students' || job.kind === 'records';
    ctx.audit({
      subject: `import:${job.kind}`,
      ...(mayNameStudents ? { private: named } : {}),
      diff: {
        ...(mayNameStudents ? {} : named),
        sha256: job.sha256,
        rows: result.rows,
        inserted: written.inserted,
        updated: written.updated,
        unchanged: result.unchanged,
        ...(job.kind === 'students' ? { classesCreated: written.classesCreated } : {}),
      },
    });
    // A committed job cannot be committed twice; a failed commit keeps it for another try.
    inst.afterCommit(() => finishJob(inst, job));
    return { inserted: written.inserted, updated: written.updated, unchanged: result.unchanged };
  },
};
