// Posting: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { WriteCtx } from '../context';

export async function disburseLoan(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.disburse'>,
): Promise<OutputOf<'loans.disburse'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.disburse.');
}

export async function repayLoan(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.repay'>,
): Promise<OutputOf<'loans.repay'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.repay.');
}

export async function importRepayments(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.importRepayments'>,
): Promise<OutputOf<'loans.importRepayments'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.importRepayments.');
}

export async function reverseTransaction(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.reverse'>,
): Promise<OutputOf<'loans.reverse'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.reverse.');
}

export async function waiveCharges(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.waive'>,
): Promise<OutputOf<'loans.waive'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.waive.');
}

export async function writeOffLoan(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.writeOff'>,
): Promise<OutputOf<'loans.writeOff'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.writeOff.');
}

export async function recoverLoan(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.recover'>,
): Promise<OutputOf<'loans.recover'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.recover.');
}

export async function restructureLoan(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.restructure'>,
): Promise<OutputOf<'loans.restructure'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.restructure.');
}
