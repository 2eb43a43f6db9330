// The bureau's supervision overview: route handler (core).
import type { overviewRoutes } from '../../../shared/api/routes/overview';
import { today } from '../clock';
import type { Handlers } from '../handler';
import { bureauOverview } from './service';

export const overviewHandlers: Handlers<typeof overviewRoutes> = {
  'overview.bureau': ({ inst }) => bureauOverview(inst.open().raw, today(inst)),
};
