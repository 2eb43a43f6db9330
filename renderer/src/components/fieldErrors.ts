// A refusal from the core, split for a form (DOM): input issues go under the field they name, in
// words; anything else — and an issue about a field the form does not show — is one sentence for
// the alert above the buttons, never with a field's key in it.
import type { ApiError } from '../../../shared/api/errors';
import { errorMessages, issueMessage, issueText } from '../../../shared/api/messages';
import { currentLang, errorText } from '../i18n';

export interface FormErrors {
  /** By the contract's path ('password', 'admin.password', …): the words for that field. */
  fields: Record<string, string>;
  general: string | null;
}

export function formErrors(e: ApiError | null, shownPaths: readonly string[]): FormErrors {
  if (!e) return { fields: {}, general: null };
  if (e.code !== 'INVALID_INPUT' || !e.issues?.length) return { fields: {}, general: errorText(e) };
  const lang = currentLang();
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const i of e.issues) {
    if (shownPaths.includes(i.path)) fields[i.path] ??= issueMessage(i.message, lang);
    else elsewhere.push(issueText(i, lang));
  }
  return { fields, general: elsewhere.length ? `${errorMessages[lang].INVALID_INPUT} ${elsewhere.join(lang === 'en' ? '; ' : '；')}` : null };
}
