// Loan settings: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';

export async function readLoanSettings(
  _ctx: Ctx,
  _input: ParsedInputOf<'loanSettings.read'>,
): Promise<OutputOf<'loanSettings.read'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loanSettings.read.');
}

export async function updateLoanSettings(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loanSettings.update'>,
): Promise<OutputOf<'loanSettings.update'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loanSettings.update.');
}
