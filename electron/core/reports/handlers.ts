// Report route handlers (core): a teacher reaches only their own reports.
import type { reportRoutes } from '../../../shared/api/routes/reports';
import { me, type Handlers } from '../handler';
import { assertMayRead, confirmBySignature, confirmOnPaper, generateReport, getReport, listReports, reportPdf, teacherOfSession, verifyReportPdf } from './service';
import type { ReportView } from '../../../shared/api/routes/reports';
import type { RouteOutput } from '../../../shared/api/contract';
import { batchArchive, batchJob, startBatch, type BatchJob } from './batch';
import { reportListDocument } from './reportExport';
import { sendList } from '../export/send';
import { getTeacher } from '../registry/teachers';

const PDF_MIME = 'application/pdf';

function pdfOut(report: ReportView, pdf: Buffer): { fileName: string; mime: string; dataBase64: string } {
  const kind = report.confirmation ? '已确认' : '未确认';
  return { fileName: `信用报告-${report.teacherName}-${report.number}-${kind}.pdf`, mime: PDF_MIME, dataBase64: pdf.toString('base64') };
}

export const reportHandlers: Handlers<typeof reportRoutes> = {
  'reports.list': (ctx, { teacherId }) => {
    const s = me(ctx);
    return listReports(ctx.inst, s.role === 'teacher' ? teacherOfSession(ctx.inst, s) : teacherId);
  },
  'reports.export': async (ctx, { teacherId, status, format, lang }) => {
    const rows = listReports(ctx.inst, teacherId).filter((r) => status === undefined || r.status === status);
    const teacherName = teacherId === undefined ? null : getTeacher(ctx.inst.open().raw, teacherId).name;
    return sendList(ctx.inst, me(ctx), {
      route: 'reports.export',
      subject: 'reports',
      baseName: lang === 'en' ? 'credit-reports' : '教师信用报告登记',
      format,
      lang,
      filter: { teacherId, status },
      document: reportListDocument(rows, { teacherName, status }, lang),
    });
  },
  'reports.generate': async (ctx, { teacherId }) => {
    const { report, pdf, existing } = await generateReport(ctx.inst, me(ctx), teacherId);
    return { report, pdf: pdfOut(report, pdf), existing };
  },
  'reports.pdf': (ctx, { reportId }) => {
    const report = getReport(ctx.inst, reportId);
    assertMayRead(ctx.inst, me(ctx), report);
    return pdfOut(report, reportPdf(ctx.inst, reportId));
  },
  'reports.confirm': async (ctx, { reportId, password, handwriting }) => {
    const { report, pdf } = await confirmBySignature(ctx.inst, me(ctx), reportId, password, handwriting);
    return { report, pdf: pdfOut(report, pdf) };
  },
  'reports.confirmPaper': async (ctx, { reportId, scan }) => {
    const { report, pdf } = await confirmOnPaper(ctx.inst, me(ctx), reportId, scan);
    return { report, pdf: pdfOut(report, pdf) };
  },
  'reports.verify': (ctx, { dataBase64 }) => verifyReportPdf(ctx.inst, Buffer.from(dataBase64, 'base64')),
  'reports.batchStart': (ctx, { year, folder, teacherIds }) => {
    const { job, run } = startBatch(ctx.inst, me(ctx), year, folder ?? null, teacherIds);
    // The job runs on after this call returns; its failures are kept on the job for progress to report.
    void run;
    return batchOut(job);
  },
  'reports.batchProgress': (ctx, { jobId }) => batchOut(batchJob(ctx.inst, me(ctx), jobId)),
  'reports.batchCancel': (ctx, { jobId }) => {
    const job = batchJob(ctx.inst, me(ctx), jobId);
    job.cancel = true;
    return batchOut(job);
  },
  'reports.batchArchive': async (ctx, { jobId }) => {
    const zip = await batchArchive(ctx.inst, me(ctx), jobId);
    return { fileName: zip.fileName, mime: 'application/zip', dataBase64: zip.data.toString('base64') };
  },
};

function batchOut(j: BatchJob): RouteOutput<'reports.batchProgress'> {
  return { jobId: j.id, year: j.year, folder: j.folder, total: j.total, done: j.done, existing: j.existing, phase: j.phase, error: j.error };
}
