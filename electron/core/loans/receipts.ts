// Receipts: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx } from '../context';

export async function receiptPdf(
  _ctx: Ctx,
  _input: ParsedInputOf<'loans.receipt'>,
): Promise<OutputOf<'loans.receipt'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.receipt.');
}
