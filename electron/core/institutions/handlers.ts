// Registry of institutions: public schools, private schools, training institutions, their practitioners, annual reports, licences and penalties: route handlers (core).
import type { institutionRoutes } from '../../../shared/api/routes/institutions';
import { today } from '../clock';
import { followPenalty } from '../cases/penaltyLink';
import { me, type Handlers } from '../handler';
import { correctReport, getReport, listReports, submitReport } from './annualReports';
import { addManualRecord, recordById, subjectRecords } from './creditFile';
import { correctLicence, correctPenalty, createLicence, createPenalty, listLicences, listPenalties } from './decisions';
import { publicityRows, publicityWorkbook, XLSX_MIME, type PublicityRows } from './doublePublicityExport';
import { maskIdNumber } from '../../../shared/domain/idNumber';
import { createPractitioner, getPractitioner, listPractitioners, setPractitionerStatus, updatePractitioner } from './practitioners';
import { createInstitution, getInstitution, institutionBrief, listInstitutions, setInstitutionStatus, updateInstitution } from './registry';

export const institutionHandlers: Handlers<typeof institutionRoutes> = {
  'institutions.list': ({ inst }, f) => listInstitutions(inst.open().raw, f, today(inst)),
  'institutions.get': ({ inst }, { id }) => getInstitution(inst.open().raw, id, today(inst)),
  'institutions.create': (ctx, { sameName, ...f }) => {
    const raw = ctx.inst.open().raw;
    const id = createInstitution(raw, f, ctx.inst.clock.now().toISOString(), sameName);
    const created = getInstitution(raw, id, today(ctx.inst));
    ctx.audit({ subject: `institution:${id}`, diff: { ...f, uscc: created.uscc } });
    return created;
  },
  'institutions.update': (ctx, { id, sameName, ...f }) => {
    const raw = ctx.inst.open().raw;
    const changed = updateInstitution(raw, id, f, today(ctx.inst), sameName);
    ctx.audit({ subject: `institution:${id}`, diff: changed });
    return getInstitution(raw, id, today(ctx.inst));
  },
  'institutions.setStatus': (ctx, { id, status }) => {
    const raw = ctx.inst.open().raw;
    ctx.audit({ subject: `institution:${id}`, diff: setInstitutionStatus(raw, id, status, today(ctx.inst)) });
    return getInstitution(raw, id, today(ctx.inst));
  },
  'institutions.records': ({ inst }, { id }) => {
    institutionBrief(inst.open().raw, id);
    return subjectRecords(inst.open().raw, 'institution', id, today(inst));
  },
  'institutions.addRecord': (ctx, { institutionId, code, occurredOn, description, evidence }) => {
    const raw = ctx.inst.open().raw;
    const { kind } = institutionBrief(raw, institutionId);
    const recordId = addManualRecord(ctx.inst, { subjectKind: kind, subjectId: institutionId, code, occurredOn, description, authorId: me(ctx).userId, evidence });
    ctx.audit({ subject: `institution:${institutionId}`, diff: { record: recordId, code, occurredOn, description, evidence: evidence.map((e) => e.fileName) } });
    return recordById(raw, recordId, today(ctx.inst));
  },

  'practitioners.list': (ctx, f) => listPractitioners(ctx.inst.open().raw, { ...f, wholeIdSearch: me(ctx).role === 'bureau_admin' }, today(ctx.inst)),
  'practitioners.get': (ctx, { id }) => {
    const p = getPractitioner(ctx.inst.open().raw, id, today(ctx.inst));
    // The whole ID number is for the administrator who keeps the record; readers see it masked.
    return me(ctx).role === 'bureau_admin' ? p : { ...p, idNumber: p.idNumberMasked };
  },
  'practitioners.create': (ctx, f) => {
    const raw = ctx.inst.open().raw;
    const id = createPractitioner(raw, f, ctx.inst.clock.now());
    ctx.audit({ subject: `practitioner:${id}`, diff: { ...f, idNumber: maskIdNumber(f.idNumber.toUpperCase()) } });
    return getPractitioner(raw, id, today(ctx.inst));
  },
  'practitioners.update': (ctx, { id, ...f }) => {
    const raw = ctx.inst.open().raw;
    ctx.audit({ subject: `practitioner:${id}`, diff: updatePractitioner(raw, id, f, ctx.inst.clock.now(), today(ctx.inst)) });
    return getPractitioner(raw, id, today(ctx.inst));
  },
  'practitioners.setStatus': (ctx, { id, status }) => {
    const raw = ctx.inst.open().raw;
    ctx.audit({ subject: `practitioner:${id}`, diff: setPractitionerStatus(raw, id, status, today(ctx.inst)) });
    return getPractitioner(raw, id, today(ctx.inst));
  },
  'practitioners.addRecord': (ctx, { practitionerId, code, occurredOn, description }) => {
    const raw = ctx.inst.open().raw;
    getPractitioner(raw, practitionerId, today(ctx.inst));
    const recordId = addManualRecord(ctx.inst, { subjectKind: 'practitioner', subjectId: practitionerId, code, occurredOn, description, authorId: me(ctx).userId, evidence: [] });
    ctx.audit({ subject: `practitioner:${practitionerId}`, diff: { record: recordId, code, occurredOn, description } });
    return recordById(raw, recordId, today(ctx.inst));
  },

  'annualReports.list': ({ inst }, { institutionId }) => listReports(inst.open().raw, institutionId),
  'annualReports.submit': (ctx, { institutionId, year, ...input }) => {
    const raw = ctx.inst.open().raw;
    const id = submitReport(raw, institutionId, year, input, me(ctx).userId, today(ctx.inst), ctx.inst.clock.now().toISOString());
    ctx.audit({ subject: `institution:${institutionId}`, diff: { annualReport: id, year, ...input } });
    return getReport(raw, id);
  },
  'annualReports.correct': (ctx, { reportId, reason, ...input }) => {
    const raw = ctx.inst.open().raw;
    const { id, old } = correctReport(raw, reportId, input, reason, me(ctx).userId, today(ctx.inst), ctx.inst.clock.now().toISOString());
    ctx.audit({ subject: `institution:${old.institutionId}`, diff: { annualReport: id, supersedes: reportId, year: old.year, reason, ...input } });
    return getReport(raw, id);
  },

  'licences.list': ({ inst }, { institutionId, includeSuperseded }) => listLicences(inst.open().raw, institutionId, includeSuperseded),
  'licences.create': (ctx, { institutionId, ...input }) => {
    const { licence, institution } = createLicence(ctx.inst, me(ctx).userId, institutionId, input);
    ctx.audit({ subject: `institution:${institutionId}`, diff: { licence: licence.id, record: licence.recordId, ...input, institution } });
    return licence;
  },
  'licences.correct': (ctx, { decisionId, reason, ...input }) => {
    const { licence, old, institution } = correctLicence(ctx.inst, me(ctx).userId, decisionId, input, reason);
    ctx.audit({ subject: `institution:${old.institutionId}`, diff: { licence: licence.id, supersedes: decisionId, reason, record: { id: licence.recordId, amends: old.recordId }, ...input, institution } });
    return licence;
  },
  'penalties.list': ({ inst }, { institutionId, includeSuperseded }) => listPenalties(inst.open().raw, institutionId, includeSuperseded),
  'penalties.create': (ctx, { institutionId, ...input }) => {
    const s = me(ctx);
    const penalty = createPenalty(ctx.inst, s.userId, institutionId, input);
    const followUp = followPenalty(ctx.inst, s, institutionId, input);
    ctx.audit({ subject: `institution:${institutionId}`, diff: { penalty: penalty.id, record: penalty.recordId, ...input, ...(followUp ? { followUp } : {}) } });
    return { ...penalty, followUp };
  },
  'penalties.correct': (ctx, { decisionId, reason, ...input }) => {
    const { penalty, old } = correctPenalty(ctx.inst, me(ctx).userId, decisionId, input, reason);
    ctx.audit({ subject: `institution:${old.institutionId}`, diff: { penalty: penalty.id, supersedes: decisionId, reason, record: { id: penalty.recordId, amends: old.recordId }, ...input } });
    return penalty;
  },
  // The rows are read and the export audited in one transaction; the workbook is written after.
  'doublePublicity.export': async (ctx, { institutionId }) => {
    const actor = me(ctx).username;
    const todayIso = today(ctx.inst);
    const rows = ctx.inst.write<PublicityRows>(
      (read) => ({
        actor,
        route: 'doublePublicity.export',
        subject: institutionId === undefined ? 'doublePublicity' : `institution:${institutionId}`,
        diff: { licences: read.licences.length, penalties: read.penalties.length },
      }),
      ({ raw }) => {
        if (institutionId !== undefined) institutionBrief(raw, institutionId);
        return publicityRows(raw, institutionId, todayIso);
      },
    );
    const data = await publicityWorkbook(rows);
    return { fileName: `双公示-${todayIso}.xlsx`, mime: XLSX_MIME, dataBase64: data.toString('base64') };
  },
};
