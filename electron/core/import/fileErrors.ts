// The errors of a file that cannot be imported (core: main process, web host and CLI): BAD_FILE
// with the file's name and either the technical detail of why it cannot be read or, for a file
// refused on purpose, the reason in both languages (which says all, so no detail repeats it).
import { AppError } from '../../../shared/api/errors';
import { fileRefusalParams, type FileRefusal } from '../../../shared/api/importMessages';

/** A file that is not what it claims to be (not a zip, an old .xls, broken XML). */
export function badFile(fileName: string, detail: string): AppError {
  return new AppError('BAD_FILE', { what: fileName }, detail);
}

/** A readable file refused on purpose: too large, too many rows, a zip whose sizes lie. */
export function refusedFile(fileName: string, refusal: FileRefusal): AppError {
  return new AppError('BAD_FILE', fileRefusalParams(fileName, refusal));
}
