// Form errors of the institutions screens (DOM): the contract's zod schema checked while a form is
// filled, and the core's refusal put back on the field it names, both in the user's words.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ApiError } from '../../../../shared/api/errors';
import { describeIdProblem, describeUsccProblem, issueMessage } from '../../../../shared/api/messages';
import type { IdNumberProblem } from '../../../../shared/domain/idNumber';
import type { UsccProblem } from '../../../../shared/domain/uscc';
import { currentLang, errorText } from '../../i18n';
import { issueKey } from '../../../../shared/api/issues';

export type FieldErrors = Record<string, string>;

/** The bureau forms' own issue keys have words here; the rest (forbiddenChar, min:2…) in shared/api/messages.ts. */
export function issueText(t: TFunction, message: string): string {
  return t(`institutions.issue.${message}`, { defaultValue: issueMessage(message, currentLang()) });
}

/** Each path's first problem, while the form is being filled. */
export function checkFields(t: TFunction, schema: z.ZodType, values: unknown): FieldErrors {
  const r = schema.safeParse(values);
  if (r.success) return {};
  const out: FieldErrors = {};
  for (const i of r.error.issues) {
    const path = i.path.map(String).join('.');
    out[path] ??= issueText(t, issueKey(i));
  }
  return out;
}

/**
 * The core's refusal: an input issue, a USCC or an ID number problem goes under its field (by the
 * name the form uses); anything else is one sentence for the alert above the buttons.
 */
export function serverErrors(t: TFunction, e: ApiError | null, fieldOf: { uscc?: string; idNumber?: string } = {}): { fields: FieldErrors; general: string | null } {
  if (!e) return { fields: {}, general: null };
  if (e.code === 'INVALID_INPUT' && e.issues?.length) {
    return { fields: Object.fromEntries(e.issues.map((i) => [i.path, issueText(t, i.message)])), general: errorText({ code: 'INVALID_INPUT' }) };
  }
  if (e.code === 'INVALID_USCC' && e.params && fieldOf.uscc) return { fields: { [fieldOf.uscc]: describeUsccProblem(e.params as unknown as UsccProblem, currentLang()) }, general: errorText(e) };
  if (e.code === 'INVALID_ID_NUMBER' && e.params && fieldOf.idNumber) return { fields: { [fieldOf.idNumber]: describeIdProblem(e.params as unknown as IdNumberProblem, currentLang()) }, general: errorText(e) };
  return { fields: {}, general: errorText(e) };
}

/** Shown only once the user has touched the field or tried to save. */
export function shown(errors: FieldErrors, path: string, touched: boolean): string | undefined {
  return touched ? errors[path] : undefined;
}
