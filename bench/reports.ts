// Report bench (Node; benchReports() from bench/run.ts): one teacher credit report and 300 of
// them through the core (snapshot, PDF, register), beside pdfmake rendering the same document
// definitions alone in the same run; a report asked for again (already issued: snapshot, compare,
// stored PDF) beside reading that stored PDF alone; and the PDF size per report (goal: under 300 KB).
// Each report timed as new is a teacher and year not issued before, since asking again issues none.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pdfmake from 'pdfmake';
import { Installation } from '../electron/core/app/installation';
import { dispatch, dispatchAsync } from '../electron/core/api';
import { reportDocument } from '../electron/core/reports/pdf';
import { generateReport } from '../electron/core/reports/service';
import type { ReportSnapshot } from '../electron/core/reports/snapshot';
import { stats, type Row } from './harness';

const PASSWORD = 'bench-password-1';

function must<T>(r: { ok: true; value: unknown } | { ok: false; error: unknown }, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

interface Generated {
  report: { id: number };
  pdf: { dataBase64: string };
}

export async function benchReports(log: (line: string) => void = console.log): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'educredit-bench-reports-'));
  try {
    const inst = new Installation(dir);
    must(dispatch(inst, { route: 'setup.demo', input: { scale: 'school', password: PASSWORD } }), 'demo');
    const session = must<{ session: string }>(dispatch(inst, { route: 'auth.login', input: { username: 'admin', password: PASSWORD } }), 'login').session;
    const teachers = must<{ rows: { id: number }[] }>(dispatch(inst, { route: 'teachers.list', input: { limit: 500 }, session }), 'teachers').rows.map((t) => t.id);
    const generate = async (teacherId: number): Promise<Generated> => must<Generated>(await dispatchAsync(inst, { route: 'reports.generate', input: { teacherId }, session }), 'generate');
    // The baseline renders the very document definition the core rendered, from the stored snapshot.
    const alone = async (reportId: number): Promise<void> => {
      const row = inst.open().raw.prepare('SELECT snapshot, snapshot_hash AS hash FROM reports WHERE id = ?').get(reportId) as { snapshot: string; hash: string };
      const snapshot = JSON.parse(row.snapshot) as ReportSnapshot;
      const t0 = performance.now();
      await pdfmake.createPdf(reportDocument(snapshot, row.hash, null, row.snapshot)).getBuffer();
      aloneMs.push(performance.now() - t0);
    };
    const aloneMs: number[] = [];
    await generate(teachers[0]!);
    const oneOurs: number[] = [];
    const sizes: number[] = [];
    const firstIds: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const t0 = performance.now();
      const g = await generate(teachers[i % teachers.length]!);
      oneOurs.push(performance.now() - t0);
      sizes.push(Buffer.from(g.pdf.dataBase64, 'base64').length);
      firstIds.push(g.report.id);
      await alone(g.report.id);
    }
    const one: Row = { figure: 'one teacher credit report (snapshot + PDF + register)', ours: stats(oneOurs), baseline: stats(aloneMs.splice(0)) };

    // The same twenty asked for again: nothing is rendered, the issued PDF comes back.
    const againOurs: number[] = [];
    const readAlone: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const t0 = performance.now();
      await generate(teachers[i % teachers.length]!);
      againOurs.push(performance.now() - t0);
      const t1 = performance.now();
      must(dispatch(inst, { route: 'reports.pdf', input: { reportId: firstIds[i - 1]! }, session }), 'pdf');
      readAlone.push(performance.now() - t1);
    }
    const again: Row = { figure: 'a report asked for again (already issued)', ours: stats(againOurs), baseline: stats(readAlone) };

    // Earlier years, so each of the 300 is a report not issued before.
    const me = inst.sessions.touch(session, inst.clock.now().getTime())!;
    const thisYear = inst.clock.now().getFullYear();
    const pairs = [1, 2, 3].flatMap((back) => teachers.map((teacherId) => ({ teacherId, year: thisYear - back }))).slice(0, 300);
    const ids: number[] = [];
    const t300 = performance.now();
    for (const { teacherId, year } of pairs) {
      const g = await generateReport(inst, me, teacherId, year);
      ids.push(g.report.id);
      sizes.push(g.pdf.length);
    }
    const ours300 = performance.now() - t300;
    const b300 = performance.now();
    for (const id of ids) await alone(id);
    const base300 = performance.now() - b300;
    const batch: Row = { figure: '300 teacher credit reports, one after another', ours: stats([ours300]), baseline: stats([base300]) };
    const sorted = [...sizes].sort((a, b) => a - b);
    log(`  report PDF size over ${sizes.length} reports: median ${(sorted[Math.floor(sorted.length / 2)]! / 1024).toFixed(0)} KB, largest ${(sorted[sorted.length - 1]! / 1024).toFixed(0)} KB (goal: under 300 KB)`);
    inst.close();
    return [one, again, batch];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
