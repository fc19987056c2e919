// Applications: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';

export async function checkEligibility(
  _ctx: Ctx,
  _input: ParsedInputOf<'loans.checkEligibility'>,
): Promise<OutputOf<'loans.checkEligibility'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.checkEligibility.');
}

export async function applyForLoan(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.apply'>,
): Promise<OutputOf<'loans.apply'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.apply.');
}

export async function updateApplication(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.update'>,
): Promise<OutputOf<'loans.update'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.update.');
}

export async function submitApplication(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.submit'>,
): Promise<OutputOf<'loans.submit'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.submit.');
}

export async function withdrawApplication(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.withdraw'>,
): Promise<OutputOf<'loans.withdraw'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.withdraw.');
}

export async function addCollateral(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.addCollateral'>,
): Promise<OutputOf<'loans.addCollateral'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.addCollateral.');
}

export async function addGuarantor(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.addGuarantor'>,
): Promise<OutputOf<'loans.addGuarantor'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.addGuarantor.');
}

export async function decideApplication(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'loans.decide'>,
): Promise<OutputOf<'loans.decide'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: loans.decide.');
}
