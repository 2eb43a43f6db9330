// Folders a person names for the app to write into (core): a bundle export, batch reports, the
// backup folder. Only a whole path is taken — a relative one would land in whatever folder the
// program happens to run from (once "usb-relative" wrote into the program's own folder).
import { isAbsolute } from 'node:path';
import { AppError } from '../../../shared/api/errors';

/** Refuses a relative path at the field it was typed into (`field`), in words the form shows there. */
export function assertWholeFolderPath(folder: string, field: string): void {
  if (!isAbsolute(folder)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: field, message: 'absoluteFolder' }]);
}
