// Import route handlers (core): templates, preview jobs, progress, cancel and commit.
// Placeholder while the importer is being written; every route answers NOT_FOUND for now.
import { AppError } from '../../../shared/api/errors';
import type { importRoutes } from '../../../shared/api/routes/import';
import type { Handlers } from '../handler';

export const importHandlers: Handlers<typeof importRoutes> = {
  'import.template': () => { throw new AppError('NOT_FOUND'); },
  'import.preview': () => { throw new AppError('NOT_FOUND'); },
  'import.progress': () => { throw new AppError('NOT_FOUND'); },
  'import.cancel': () => { throw new AppError('NOT_FOUND'); },
  'import.commit': () => { throw new AppError('NOT_FOUND'); },
};
