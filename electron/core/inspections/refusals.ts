// The inspections feature's refusals (core). INVALID_TRANSITION says what stood in the way in both
// languages: `what` in Chinese and `whatEn`, which formatError uses for English.
import { AppError } from '../../../shared/api/errors';

export function notNow(zh: string, en: string): AppError {
  return new AppError('INVALID_TRANSITION', { what: zh, whatEn: en });
}

/** `message` is an issue key with words in shared/api/messages.ts. */
export function badField(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', undefined, undefined, [{ path, message }]);
}
