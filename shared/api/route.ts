// The shape of one route of the contract, and values every route group shares. Pure.
import { z } from 'zod';
import type { Mode, Role } from '../domain/roles';
import { findForbiddenChar, isCleanText } from '../domain/text';

/** Route names carry this prefix on the wire; the preload refuses any other channel. */
export const ROUTE_PREFIX = 'edu:';

/** `public` routes run without a session (setup, login, recovery). */
export type Access = readonly Role[] | 'public';

export interface RouteDef<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /**
   * A query only reads; a mutation runs in one transaction with its audit entry; an action opens,
   * swaps or unlocks the store itself and writes through its own transactions.
   */
  kind: 'query' | 'mutation' | 'action';
  access: Access;
  /** A route of one installation mode only: refused in the other whatever the role. */
  mode?: Mode;
  /** The handler returns a promise (spreadsheet parsing): only dispatchAsync() can run it. */
  async?: true;
}

export function route<I extends z.ZodType, O extends z.ZodType>(def: RouteDef<I, O>): RouteDef<I, O> {
  return def;
}


/**
 * One line a person typed (a name, a title, a file name): trimmed, within bounds, and with no
 * control, direction-changing or invisible character (shared/domain/text.ts), which could make a
 * stored or printed text read other than it is.
 */
export const line = (min: number, max: number): z.ZodString => z.string().trim().min(min).max(max).refine(isCleanText, { message: 'forbiddenChar' });

/** Prose a person typed (a description, a reason, findings): as line, but line breaks and tabs pass. */
export const prose = (min: number, max: number): z.ZodString =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((t) => findForbiddenChar(t, { multiline: true }) === null, { message: 'forbiddenChar' });

/** A calendar date as people enter it: YYYY-MM-DD, and a real day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'date' });

export const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  dir: z.enum(['asc', 'desc']).default('asc'),
};

/** A file carried inside a call (evidence, a spreadsheet): base64, at most 20 MiB decoded. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const fileData = z.object({
  fileName: line(1, 200),
  dataBase64: z.string().max(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4),
});

export const fileOut = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });

/** What every list export asks: the file's kind and the language its words are in. */
export const listExport = {
  format: z.enum(['xlsx', 'pdf']),
  lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
};
