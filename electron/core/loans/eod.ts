// End of day: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';

export async function eodStatus(
  _ctx: Ctx,
  _input: ParsedInputOf<'eod.status'>,
): Promise<OutputOf<'eod.status'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: eod.status.');
}

export async function runEndOfDay(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'eod.run'>,
): Promise<OutputOf<'eod.run'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: eod.run.');
}
