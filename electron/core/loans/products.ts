// Loan products: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';

export async function listProducts(
  _ctx: Ctx,
  _input: ParsedInputOf<'loanProducts.list'>,
): Promise<OutputOf<'loanProducts.list'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loanProducts.list.');
}

export async function saveProduct(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loanProducts.save'>,
): Promise<OutputOf<'loanProducts.save'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loanProducts.save.');
}
