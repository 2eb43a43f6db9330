// Bundle exchange routes (docs/BUNDLE-FORMAT.md): identity cards and enrolment, export to a
// folder, import and inspect a bundle, and the state of the outbox and inbox.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { INSTITUTION_KINDS } from '../../domain/supervision';
import { fileData, fileOut, line, prose, route } from '../route';
import { supervisionStatus } from '../supervisionStatus';

const ADMINS: readonly Role[] = ['school_admin', 'bureau_admin'];
const READERS: readonly Role[] = ['school_admin', 'bureau_admin', 'auditor'];

export const bundleManifest = z.object({
  format: z.number().int(),
  kind: z.enum(['school-data', 'bureau-ack']),
  algorithms: z.record(z.string(), z.string()),
  sender: z.object({ uscc: z.string(), name: z.string(), fingerprint: z.string() }),
  recipient: z.object({ uscc: z.string(), fingerprint: z.string() }),
  sequence: z.number().int(),
  previousSequence: z.number().int(),
  ackSequence: z.number().int(),
  createdAt: z.string(),
  catalogueVersion: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  contentSha256: z.string(),
  contentBytes: z.number().int(),
});
export type BundleManifest = z.infer<typeof bundleManifest>;

const counts = z.record(z.string(), z.number().int());

export const partnerView = z.object({
  uscc: z.string(),
  mode: z.enum(['school', 'bureau']),
  name: z.string(),
  fingerprint: z.string(),
  enrolledAt: z.string(),
  lastApplied: z.number().int(),
  peerAcked: z.number().int(),
});

const card = z.object({ card: z.string(), fingerprint: z.string(), fileName: z.string() });

const registryBrief = z.object({ id: z.number().int(), name: z.string(), uscc: z.string(), kind: z.enum(INSTITUTION_KINDS) });

export const syncRoutes = {
  'sync.state': route({
    input: z.object({}),
    output: z.object({
      own: z.object({ uscc: z.string(), name: z.string(), fingerprint: z.string().nullable() }),
      partners: z.array(partnerView),
      outbox: z.array(z.object({ recipient: z.string(), seq: z.number().int(), createdAt: z.string(), fileName: z.string(), counts, bytes: z.number().int(), acknowledged: z.boolean() })),
      inbox: z.array(z.object({ sender: z.string(), seq: z.number().int(), appliedAt: z.string(), counts })),
    }),
    kind: 'query',
    access: READERS,
  }),
  /** This installation's identity card (JSON text) and its fingerprint, to compare on paper. */
  'sync.card': route({ input: z.object({}), output: card, kind: 'action', access: ADMINS }),
  /**
   * A bureau enrolling a school: the registry entry its USCC already has, or entries of the same
   * name under another USCC, which the administrator links to (correcting the USCC) or not.
   */
  'sync.registryMatch': route({
    input: z.object({ card: z.string().min(2).max(10_000) }),
    output: z.object({ exact: registryBrief.nullable(), sameName: z.array(registryBrief) }),
    kind: 'query',
    access: ['bureau_admin'],
    mode: 'bureau',
  }),
  'sync.enrol': route({
    input: z.object({
      card: z.string().min(2).max(10_000),
      /** At a bureau, when the registry holds the school's name under another USCC: link to it, or make a new entry. */
      registry: z
        .discriminatedUnion('action', [z.object({ action: z.literal('link'), institutionId: z.number().int(), reason: prose(2, 500) }), z.object({ action: z.literal('create') })])
        .optional(),
    }),
    output: z.object({ partner: partnerView, added: z.boolean() }),
    kind: 'mutation',
    access: ADMINS,
  }),
  /** The bureau's age identity (AGE-SECRET-KEY-1…), for safekeeping; audited. */
  'sync.exportAgeIdentity': route({ input: z.object({}), output: z.object({ identity: z.string() }), kind: 'action', access: ['bureau_admin'] }),
  'sync.export': route({
    input: z.object({ folder: line(1, 1000) }),
    output: z.object({
      files: z.array(z.object({ fileName: z.string(), recipient: z.string(), sequence: z.number().int(), bytes: z.number().int(), isNew: z.boolean() })),
    }),
    kind: 'action',
    access: ADMINS,
    async: true,
  }),
  /** The same bundles as one download (the web host, which has no folder to write into): one .ecb, or a zip of several. */
  'sync.exportDownload': route({
    input: z.object({}),
    output: z.object({
      files: z.array(z.object({ fileName: z.string(), recipient: z.string(), sequence: z.number().int(), bytes: z.number().int(), isNew: z.boolean() })),
      download: fileOut.nullable(),
    }),
    kind: 'action',
    access: ADMINS,
    async: true,
  }),
  'sync.import': route({
    input: fileData,
    output: z.object({ verdict: z.enum(['applied', 'duplicate']), manifest: bundleManifest, changed: counts }),
    kind: 'action',
    access: ADMINS,
    async: true,
  }),
  /** At a school: the supervision status the bureau last sent (grade, lists, cases), or null. */
  'sync.supervision': route({ input: z.object({}), output: supervisionStatus.nullable(), kind: 'query', access: ['school_admin', 'records_clerk', 'auditor'], mode: 'school' }),
  'sync.inspect': route({
    input: fileData,
    output: z.object({
      verdict: z.enum(['apply', 'duplicate', 'replay', 'gap', 'rejected']),
      manifest: bundleManifest.nullable(),
      code: z.string().nullable(),
      params: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
    }),
    kind: 'query',
    access: READERS,
    async: true,
  }),
};
