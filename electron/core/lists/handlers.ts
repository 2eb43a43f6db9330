// Red, black and white lists, the key supervision list and the key monitoring objects: route handlers (core).
import { CURRENT_LIST_RULES } from '../../../shared/domain/listRules';
import type { listRoutes } from '../../../shared/api/routes/lists';
import { today as todayOf } from '../clock';
import { me, type Handlers } from '../handler';
import { assertNotDuplicate, decideEntry, endEarly, insertEntry, setPublished } from './entries';
import { getEntry, listEntries, publishedEntries } from './query';
import { proposeByRules } from './rules';
import { resolveSubject, searchSubjects } from './subjects';

export const listHandlers: Handlers<typeof listRoutes> = {
  'lists.list': (ctx, filter) => listEntries(ctx.inst.open().raw, filter, todayOf(ctx.inst)),
  'lists.subjects': (ctx, { kind, q }) => searchSubjects(ctx.inst.open().raw, kind, q),
  'lists.propose': (ctx, input) => {
    const s = me(ctx);
    const raw = ctx.inst.open().raw;
    const subject = resolveSubject(raw, input.subjectKind, input.subjectKey);
    assertNotDuplicate(ctx.inst, subject.kind, subject.key, input.list);
    const id = insertEntry(ctx.inst, {
      list: input.list,
      subjectKind: subject.kind,
      subjectKey: subject.key,
      subjectName: subject.name,
      origin: 'manual',
      rule: null,
      caseId: null,
      reason: input.reason,
      startOn: input.startOn,
      endOn: input.endOn ?? null,
      by: s.userId,
      approved: null,
    });
    const entry = getEntry(raw, id, todayOf(ctx.inst));
    ctx.audit({ subject: `listEntry:${id}`, diff: { proposed: { list: entry.list, target: `${entry.subjectKind}:${entry.subjectKey}`, reason: entry.reason, startOn: entry.startOn, endOn: entry.endOn } } });
    return entry;
  },
  'lists.rules': () => ({
    version: CURRENT_LIST_RULES.version,
    effectiveFrom: CURRENT_LIST_RULES.effectiveFrom,
    rules: CURRENT_LIST_RULES.rules.map((r) => ({ id: r.id, list: r.list, kinds: [...r.kinds], reasonZh: r.reasonZh, reasonEn: r.reasonEn })),
  }),
  'lists.proposeByRules': (ctx) => {
    const out = proposeByRules(ctx.inst, me(ctx).userId);
    const today = todayOf(ctx.inst);
    const proposed = out.proposed.map((id) => getEntry(ctx.inst.open().raw, id, today));
    // One entry for the run, naming what it proposed: a run that proposed nothing is recorded too.
    ctx.audit({
      subject: 'lists',
      diff: { rulesVersion: out.rulesVersion, considered: out.considered, proposed: proposed.map((e) => ({ id: e.id, list: e.list, target: `${e.subjectKind}:${e.subjectKey}`, rule: e.rule })) },
    });
    return { rulesVersion: out.rulesVersion, considered: out.considered, proposed };
  },
  'lists.decide': (ctx, { id, decision, reason }) => {
    const { entry, ended } = decideEntry(ctx.inst, me(ctx).userId, id, decision, reason);
    ctx.audit({ subject: `listEntry:${id}`, diff: { state: ['proposed', entry.state], reason, ended } });
    const today = todayOf(ctx.inst);
    return { entry, ended: ended.map((e) => getEntry(ctx.inst.open().raw, e, today)) };
  },
  'lists.publish': (ctx, { id }) => {
    const entry = setPublished(ctx.inst, id, true);
    ctx.audit({ subject: `listEntry:${id}`, diff: { published: [false, true] } });
    return entry;
  },
  'lists.unpublish': (ctx, { id }) => {
    const entry = setPublished(ctx.inst, id, false);
    ctx.audit({ subject: `listEntry:${id}`, diff: { published: [true, false] } });
    return entry;
  },
  'lists.end': (ctx, { id, reason }) => {
    const entry = endEarly(ctx.inst, id, reason);
    ctx.audit({ subject: `listEntry:${id}`, diff: { state: ['approved', 'ended'], reason } });
    return entry;
  },
  'lists.published': (ctx) => publishedEntries(ctx.inst.open().raw, todayOf(ctx.inst)),
};
