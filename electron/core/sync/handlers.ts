// Bundle exchange route handlers (core): see shared/api/routes/sync.ts.
import type { syncRoutes } from '../../../shared/api/routes/sync';
import { me, type Handlers } from '../handler';
import { readOrg } from '../setup/org';
import { ensureOwnKeys, enrol, hasOwnKeys, ownCard, ownKeys, registryMatch } from './keys';
import { bundlesToSend, exportBundles, importBundle, inspectBundle, syncState } from './service';
import { zipFiles } from '../fs/zip';
import { today } from '../clock';
import { receivedStatus } from './supervision';

export const syncHandlers: Handlers<typeof syncRoutes> = {
  'sync.state': ({ inst }) => {
    const org = readOrg(inst);
    return { own: { uscc: org.uscc, name: org.name, fingerprint: hasOwnKeys(inst) ? ownCard(inst).fingerprint! : null }, ...syncState(inst) };
  },

  'sync.card': (ctx) => {
    ensureOwnKeys(ctx.inst, me(ctx).username);
    const card = ownCard(ctx.inst);
    return { card: `${JSON.stringify(card, null, 2)}\n`, fingerprint: card.fingerprint!, fileName: `${card.uscc}.card.json` };
  },

  'sync.registryMatch': ({ inst }, { card }) => registryMatch(inst.open().raw, card),

  'sync.enrol': (ctx, { card, registry: choice }) => {
    const { partner, added, registry } = enrol(ctx.inst, card, choice);
    ctx.audit({ subject: `partner:${partner.uscc}`, diff: { name: partner.name, mode: partner.mode, fingerprint: partner.fingerprint, added, ...(registry ? { registry } : {}) } });
    const { signKey: _s, ageRecipient: _a, ...view } = partner;
    return { partner: view, added };
  },

  'sync.exportAgeIdentity': (ctx) => {
    const actor = me(ctx).username;
    ensureOwnKeys(ctx.inst, actor);
    const identity = ownKeys(ctx.inst).ageIdentity;
    ctx.inst.write(() => ({ actor, route: 'sync.exportAgeIdentity', subject: 'installation', diff: { ageIdentityExported: true } }), () => undefined);
    return { identity };
  },

  'sync.export': async (ctx, { folder }) => ({ files: await exportBundles(ctx.inst, me(ctx).username, folder) }),

  'sync.exportDownload': async (ctx) => {
    const files = await bundlesToSend(ctx.inst, me(ctx).username);
    const list = files.map(({ data: _data, ...f }) => f);
    if (files.length === 0) return { files: list, download: null };
    // One bundle goes as it is, to be copied onto the stick; several go as one zip.
    if (files.length === 1) return { files: list, download: { fileName: files[0]!.fileName, mime: 'application/octet-stream', dataBase64: files[0]!.data.toString('base64') } };
    const zip = await zipFiles(files.map((f) => ({ name: f.fileName, data: f.data })), ctx.inst.clock.now());
    return { files: list, download: { fileName: `数据包-${today(ctx.inst)}.zip`, mime: 'application/zip', dataBase64: zip.toString('base64') } };
  },

  'sync.import': (ctx, { dataBase64 }) => importBundle(ctx.inst, me(ctx).username, Buffer.from(dataBase64, 'base64')),

  'sync.supervision': ({ inst }) => receivedStatus(inst),

  'sync.inspect': ({ inst }, { dataBase64 }) => inspectBundle(inst, Buffer.from(dataBase64, 'base64')),
};
