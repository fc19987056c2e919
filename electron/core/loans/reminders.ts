// Reminders: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';

export async function listReminders(
  _ctx: Ctx,
  _input: ParsedInputOf<'reminders.list'>,
): Promise<OutputOf<'reminders.list'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: reminders.list.');
}

export async function generateReminders(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'reminders.generate'>,
): Promise<OutputOf<'reminders.generate'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: reminders.generate.');
}
