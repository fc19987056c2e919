// Demo loans: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { WriteCtx } from '../context';

export async function seedDemoLoans(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.seedDemo'>,
): Promise<OutputOf<'loans.seedDemo'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.seedDemo.');
}
