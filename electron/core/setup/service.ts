// First run (core): school or bureau mode, the organisation, the first administrator.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import { checkUscc } from '../../../shared/domain/uscc';
import { ADMIN_ROLE, type Mode } from '../../../shared/domain/roles';
import type { Installation } from '../app/installation';
import { createUser } from '../auth/service';
import { updateSettings } from '../settings/service';
import { writeOrg } from './org';
import { installBundledCatalogue } from '../catalogue/service';
import { makeOwnKeys } from '../sync/keys';

export interface InitInput {
  mode: Mode;
  orgName: string;
  uscc: string;
  admin: { username: string; displayName: string; password: string };
  language: 'zh-CN' | 'en';
}

export function assertUscc(uscc: string): string {
  const r = checkUscc(uscc);
  if (!r.ok) throw new AppError('INVALID_USCC', { ...r.problem });
  return r.value;
}

/** Sets up a new installation; `extra` adds demo data inside the same transaction. */
export function initialise(inst: Installation, input: InitInput, extra?: () => Record<string, number>): { recoveryKey: string } {
  const uscc = assertUscc(input.uscc);
  return inst.create(input.mode, () => {
    const now = inst.clock.now().toISOString();
    writeOrg(inst, { name: input.orgName, uscc, installationId: randomUUID(), createdAt: now });
    installBundledCatalogue(inst.open().raw);
    // Bundle keys (electron/core/sync): made here so the identity card exists from the start.
    makeOwnKeys(inst);
    updateSettings(inst, { language: input.language });
    const admin = createUser(inst, { ...input.admin, role: ADMIN_ROLE[input.mode] }, 'admin.password');
    const demo = extra?.();
    return {
      actor: admin.username,
      route: 'setup.init',
      subject: 'installation',
      diff: { mode: input.mode, uscc, admin: admin.username, ...(demo ? { demo } : {}) },
    };
  });
}
