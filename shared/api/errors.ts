// Typed errors that cross every transport. The UI and the CLI turn a code into words (messages.ts).

export const ERROR_CODES = [
  'INVALID_INPUT',
  'INVALID_USCC',
  'INVALID_ID_NUMBER',
  'RECORD_NOT_CHANGEABLE',
  'EVIDENCE_REQUIRED',
  'IMPORT_JOB_GONE',
  'IMPORT_HAS_PROBLEMS',
  'BAD_FILE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_CREDENTIALS',
  'WRONG_PASSWORD',
  'SIGNING_KEY_MISSING',
  'REPORT_NOT_CONFIRMABLE',
  'LOCKED_OUT',
  'ACCOUNT_DISABLED',
  'MUST_CHANGE_PASSWORD',
  'TEACHER_HAS_ACCOUNT',
  'TOO_MANY_ROWS',
  'IN_USE',
  'RESTORE_NEEDS_LOGIN',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'DB_LOCKED',
  'CORRUPT',
  'KEY_UNAVAILABLE',
  'NEWER_VERSION',
  'DISK_FULL',
  'WRONG_RECOVERY_KEY',
  'WEAK_PASSWORD',
  'UNKNOWN_ROUTE',
  'CARD_INVALID',
  'SAME_NAME_IN_REGISTRY',
  'NOT_ENROLLED',
  'BUNDLE_UNREADABLE',
  'BUNDLE_MALFORMED',
  'BUNDLE_NEWER_FORMAT',
  'BUNDLE_UNKNOWN_SENDER',
  'BUNDLE_BAD_SIGNATURE',
  'BUNDLE_WRONG_RECIPIENT',
  'BUNDLE_REPLAY',
  'BUNDLE_GAP',
  'INVALID_TRANSITION',
  'SUBJECT_RESTRICTED',
  'DRAW_TOO_FEW_TARGETS',
  'DRAW_TOO_FEW_INSPECTORS',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface InputIssue {
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** Values the message template needs (minutes left, the expected character, …). */
  params?: Record<string, string | number>;
  issues?: InputIssue[];
  /** Technical detail for "copy the error": never a stack trace, never a secret. */
  detail?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside the core; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params?: Record<string, string | number>,
    readonly detail?: string,
    readonly issues?: InputIssue[],
  ) {
    super(code);
  }

  toApiError(): ApiError {
    const e: ApiError = { code: this.code };
    if (this.params) e.params = this.params;
    if (this.detail) e.detail = this.detail;
    if (this.issues) e.issues = this.issues;
    return e;
  }
}
