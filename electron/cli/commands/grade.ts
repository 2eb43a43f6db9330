// `edu-credit grade`: grades every subject and prints the counts by kind and grade (CLI process).
import type { CliCtx } from '../context';
import { usageFailure } from '../context';

export async function gradeCommand(ctx: CliCtx, _args: string[]): Promise<number> {
  throw usageFailure(ctx, 'unknownCommand', { value: 'grade' });
}
