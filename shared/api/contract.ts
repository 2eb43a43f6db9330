// The one API contract: every route's input and output schema, kind and the roles allowed.
// Electron IPC, the web host and the CLI all dispatch through it (electron/core/api.ts).
import { z } from 'zod';
import { MODES, ROLES, ADMINS, ALL_ROLES, type Role } from '../domain/roles';
import { fileOut, line, route } from './route';
import { registryRoutes } from './routes/registry';
import { creditRoutes } from './routes/credit';
import { importRoutes } from './routes/import';
import { reportRoutes } from './routes/reports';
import { syncRoutes } from './routes/sync';
import { institutionRoutes } from './routes/institutions';
import { gradingRoutes } from './routes/grading';
import { listRoutes } from './routes/lists';
import { caseRoutes } from './routes/cases';
import { decisionRoutes } from './routes/decisions';
import { inspectionRoutes } from './routes/inspections';
import { overviewRoutes } from './routes/overview';
import { accountRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { dashboardRoutes } from './routes/dashboard';
import { schoolTeacherRoutes } from './routes/schoolTeachers';
export { ROUTE_PREFIX, type Access, type RouteDef } from './route';

const READERS: readonly Role[] = ALL_ROLES;
const ADMINS_AND_AUDITOR: readonly Role[] = [...ADMINS, 'auditor'];

export const password = z.string().min(8, { message: 'min8' }).max(200);
export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,32}$/, { message: 'username' });

const role = z.enum(ROLES);
const mode = z.enum(MODES);
const lang = z.enum(['zh-CN', 'en']);

export const userView = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  teacherId: z.number().int().nullable(),
});
export type UserView = z.infer<typeof userView>;

const orgView = z.object({ mode, name: z.string(), uscc: z.string() });

const systemState = z.discriminatedUnion('state', [
  /** setupInterrupted: this start cleared what a setup cut short had left, and the wizard says so. */
  z.object({ state: z.literal('new'), setupInterrupted: z.literal(true).optional() }),
  z.object({ state: z.literal('locked'), mode }),
  z.object({ state: z.literal('open'), mode }),
  z.object({ state: z.literal('error'), error: z.object({ code: z.string(), detail: z.string().optional() }) }),
]);

const checkBase = { ok: z.boolean(), error: z.string().optional() };
export const doctorCheck = z.discriminatedUnion('id', [
  z.object({ ...checkBase, id: z.literal('integrity'), problems: z.array(z.string()) }),
  z.object({
    ...checkBase,
    id: z.literal('foreignKeys'),
    violations: z.array(z.object({ table: z.string(), rowid: z.number().nullable(), parent: z.string() })),
  }),
  z.object({ ...checkBase, id: z.literal('auditChain'), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable(), reason: z.string().nullable() }),
  z.object({ ...checkBase, id: z.literal('schemaVersion'), found: z.number().int().nullable(), supported: z.number().int() }),
]);
export type DoctorCheck = z.infer<typeof doctorCheck>;
export const doctorReport = z.object({ ok: z.boolean(), checks: z.array(doctorCheck) });
export type DoctorReport = z.infer<typeof doctorReport>;

const backupView = z.object({ file: z.string(), bytes: z.number(), createdAt: z.string() });

const settingsView = z.object({ language: lang, backupDir: z.string(), backupKeep: z.number().int(), idleLockMinutes: z.number().int(), bureauName: z.string(), fourEyes: z.boolean() });

export const contract = {
  ...registryRoutes,
  ...creditRoutes,
  ...importRoutes,
  ...reportRoutes,
  ...syncRoutes,
  ...institutionRoutes,
  ...gradingRoutes,
  ...listRoutes,
  ...caseRoutes,
  ...decisionRoutes,
  ...inspectionRoutes,
  ...overviewRoutes,
  ...accountRoutes,
  ...auditRoutes,
  ...dashboardRoutes,
  ...schoolTeacherRoutes,
  'system.status': route({
    input: z.object({}),
    output: z.object({ version: z.string(), schemaVersion: z.number().int(), status: systemState }),
    kind: 'query',
    access: 'public',
  }),
  'setup.init': route({
    input: z.object({
      mode,
      orgName: line(2, 100),
      uscc: z.string().trim(),
      admin: z.object({ username, displayName: line(1, 50), password }),
      language: lang.default('zh-CN'),
    }),
    output: z.object({ recoveryKey: z.string() }),
    kind: 'action',
    access: 'public',
  }),
  'setup.demo': route({
    input: z.object({ scale: mode, password }),
    output: z.object({ recoveryKey: z.string(), username: z.string(), orgName: z.string() }),
    kind: 'action',
    access: 'public',
  }),
  'auth.login': route({
    input: z.object({ username, password: z.string().min(1).max(200) }),
    output: z.object({ session: z.string(), user: userView, org: orgView, idleLockMinutes: z.number().int() }),
    kind: 'action',
    access: 'public',
  }),
  'auth.recover': route({
    input: z.object({ recoveryKey: z.string().trim().min(1), username, newPassword: password }),
    output: z.object({ username: z.string() }),
    kind: 'action',
    access: 'public',
  }),
  'auth.logout': route({ input: z.object({}), output: z.object({}), kind: 'mutation', access: READERS }),
  'auth.me': route({
    input: z.object({}),
    output: z.object({ user: userView, org: orgView, idleLockMinutes: z.number().int() }),
    kind: 'query',
    access: READERS,
  }),
  'auth.changePassword': route({
    input: z.object({ oldPassword: z.string().min(1), newPassword: password }),
    output: z.object({}),
    kind: 'mutation',
    access: READERS,
  }),
  'users.list': route({ input: z.object({}), output: z.array(userView), kind: 'query', access: ADMINS_AND_AUDITOR }),
  'users.create': route({
    /** A teacher account names the teacher whose file it may read. */
    input: z.object({ username, displayName: line(1, 50), role, password, teacherId: z.number().int().optional() }),
    output: userView,
    kind: 'mutation',
    access: ADMINS,
  }),
  'users.resetPassword': route({
    input: z.object({ userId: z.number().int(), newPassword: password }),
    output: z.object({}),
    kind: 'mutation',
    access: ADMINS,
  }),
  'users.setActive': route({
    /** Reactivating sets a new password (deactivation removed the old one's key slot). */
    input: z.object({ userId: z.number().int(), active: z.boolean(), newPassword: password.optional() }),
    output: userView,
    kind: 'mutation',
    access: ADMINS,
  }),
  'dashboard.summary': route({
    input: z.object({}),
    output: z.object({
      org: orgView,
      counts: z.record(z.string(), z.number().int()),
      lastBackupAt: z.string().nullable(),
      auditChainOk: z.boolean(),
    }),
    kind: 'query',
    access: READERS,
  }),
  'system.doctor': route({ input: z.object({}), output: doctorReport, kind: 'query', access: ADMINS_AND_AUDITOR }),
  'settings.get': route({
    input: z.object({}),
    /** backupDir is empty for readers who are not administrators: where the backups are is theirs to know. */
    output: settingsView,
    kind: 'query',
    access: READERS,
  }),
  'settings.update': route({
    input: z.object({
      language: lang.optional(),
      backupDir: line(1, 1000).optional(),
      backupKeep: z.number().int().min(1).max(365).optional(),
      idleLockMinutes: z.number().int().min(1).max(240).optional(),
      bureauName: line(2, 100).optional(),
      fourEyes: z.boolean().optional(),
    }),
    output: settingsView,
    kind: 'mutation',
    access: ADMINS,
  }),
  'backup.list': route({ input: z.object({}), output: z.array(backupView), kind: 'query', access: ADMINS }),
  'backup.run': route({ input: z.object({}), output: backupView, kind: 'action', access: ADMINS }),
  /** A backup of the list, by its file name, as a download to keep elsewhere (a USB stick). Audited. */
  'backup.download': route({ input: z.object({ file: z.string().min(1).max(200) }), output: fileOut, kind: 'action', access: ADMINS }),
  'backup.restore': route({
    input: z.object({ file: z.string().min(1) }),
    output: z.object({ keptAside: z.string() }),
    kind: 'action',
    access: ADMINS,
  }),
  // The way out of the error screen, while the current DB cannot be opened at all: list the data
  // folder's own backups (names only) and restore one with the recovery key or the password of an
  // administrator who is active in the newest readable backup. Otherwise: RESTORE_NEEDS_LOGIN.
  'recovery.backups': route({
    input: z.object({}),
    output: z.array(backupView),
    kind: 'query',
    access: 'public',
  }),
  'recovery.restore': route({
    input: z
      .object({
        /** A name from recovery.backups, or the full path of a backup elsewhere. */
        file: line(1, 1000),
        recoveryKey: z.string().trim().min(1).max(100).optional(),
        username: username.optional(),
        password: z.string().min(1).max(200).optional(),
      })
      .refine((i) => i.recoveryKey !== undefined || (i.username !== undefined && i.password !== undefined), { message: 'required', path: ['password'] }),
    output: z.object({ keptAside: z.string() }),
    kind: 'action',
    access: 'public',
  }),
} as const;

export type Contract = typeof contract;
export type RouteName = keyof Contract;
export type RouteInput<R extends RouteName> = z.input<Contract[R]['input']>;
export type ParsedInput<R extends RouteName> = z.output<Contract[R]['input']>;
export type RouteOutput<R extends RouteName> = z.output<Contract[R]['output']>;
export const ROUTE_NAMES = Object.keys(contract) as RouteName[];

export function isRouteName(name: string): name is RouteName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
