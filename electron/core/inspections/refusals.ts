// The inspections feature's refusals (core). INVALID_TRANSITION carries one `what` string in every
// language, so it says what stood in the way in Chinese first and English after.
import { AppError } from '../../../shared/api/errors';

export function notNow(zh: string, en: string): AppError {
  return new AppError('INVALID_TRANSITION', { what: `${zh}（${en}）` });
}

export function badField(path: string, message: string): AppError {
  return new AppError('INVALID_INPUT', undefined, undefined, [{ path, message }]);
}
