// The shapes the data exchange screen works with (DOM), taken from the route contract.
import type { RouteOutput } from '../../../../shared/api/contract';

export type SyncState = RouteOutput<'sync.state'>;
export type Partner = SyncState['partners'][number];
