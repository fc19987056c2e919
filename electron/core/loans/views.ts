// Views: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx } from '../context';

export async function listLoans(
  _ctx: Ctx,
  _input: ParsedInputOf<'loans.list'>,
): Promise<OutputOf<'loans.list'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.list.');
}

export async function getLoan(_ctx: Ctx, _input: ParsedInputOf<'loans.get'>): Promise<OutputOf<'loans.get'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.get.');
}

export async function findLoans(
  _ctx: Ctx,
  _input: ParsedInputOf<'loans.find'>,
): Promise<OutputOf<'loans.find'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.find.');
}

export async function quoteRepayment(
  _ctx: Ctx,
  _input: ParsedInputOf<'loans.quote'>,
): Promise<OutputOf<'loans.quote'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.quote.');
}
