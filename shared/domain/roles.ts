// Roles and installation modes. Pure: shared by the contract, the core and the renderer.

export const MODES = ['school', 'bureau'] as const;
export type Mode = (typeof MODES)[number];

export const ROLES = ['school_admin', 'records_clerk', 'teacher', 'bureau_admin', 'bureau_inspector', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Which roles an installation of each mode can have. The auditor reads in either. */
export const ROLES_BY_MODE: Record<Mode, readonly Role[]> = {
  school: ['school_admin', 'records_clerk', 'teacher', 'auditor'],
  bureau: ['bureau_admin', 'bureau_inspector', 'auditor'],
};

export const ADMIN_ROLE: Record<Mode, Role> = { school: 'school_admin', bureau: 'bureau_admin' };

export const ADMINS: readonly Role[] = ['school_admin', 'bureau_admin'];
export const ALL_ROLES: readonly Role[] = ROLES;
