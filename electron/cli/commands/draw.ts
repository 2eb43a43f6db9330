// `edu-credit draw`: the reproducible double-random draw of inspection targets and inspectors (CLI process).
import type { CliCtx } from '../context';
import { usageFailure } from '../context';

export async function drawCommand(ctx: CliCtx, _args: string[]): Promise<number> {
  throw usageFailure(ctx, 'unknownCommand', { value: 'draw' });
}
