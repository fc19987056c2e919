// Tills: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';

export async function currentTill(
  _ctx: Ctx,
  _input: ParsedInputOf<'till.current'>,
): Promise<OutputOf<'till.current'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.current.');
}

export async function openTill(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'till.open'>,
): Promise<OutputOf<'till.open'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.open.');
}

export async function confirmTillOpen(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'till.confirmOpen'>,
): Promise<OutputOf<'till.confirmOpen'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.confirmOpen.');
}

export async function tillCashMovement(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'till.cashMovement'>,
): Promise<OutputOf<'till.cashMovement'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.cashMovement.');
}

export async function countTill(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'till.count'>,
): Promise<OutputOf<'till.count'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.count.');
}

export async function approveTillClose(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'till.approveClose'>,
): Promise<OutputOf<'till.approveClose'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.approveClose.');
}

export async function listTills(
  _ctx: Ctx,
  _input: ParsedInputOf<'till.list'>,
): Promise<OutputOf<'till.list'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.list.');
}

export async function tillReportPdf(
  _ctx: Ctx,
  _input: ParsedInputOf<'till.report'>,
): Promise<OutputOf<'till.report'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: till.report.');
}
