// A validator's issues as our message keys (pure): shared/api/messages.ts words each key in either
// language, so zod's own wording ("数值过小：期望 string >=1 字符") never reaches a person — not
// from the core, not from the renderer's own check before a call, not from a form's live check.
import type { z } from 'zod';
import type { InputIssue } from './errors';
import { isIssueKey } from './messages';

export function issueKey(i: z.core.$ZodIssue): string {
  if (isIssueKey(i.message)) return i.message;
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? 'required' : `minChars:${i.minimum}`;
      if (i.origin === 'array' || i.origin === 'set') return Number(i.minimum) <= 1 ? 'required' : `minItems:${i.minimum}`;
      return `minNumber:${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return `maxChars:${i.maximum}`;
      if (i.origin === 'array' || i.origin === 'set') return `maxItems:${i.maximum}`;
      return `maxNumber:${i.maximum}`;
    case 'invalid_type':
      return i.input === undefined || i.input === null ? 'required' : i.expected === 'int' ? 'wholeNumber' : 'invalid';
    case 'invalid_value':
      return 'choice';
    default:
      return 'invalid';
  }
}

export function issuesOf(e: z.ZodError): InputIssue[] {
  return e.issues.map((i) => ({ path: i.path.join('.'), message: issueKey(i) }));
}
