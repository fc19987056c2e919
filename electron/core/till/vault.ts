// Vault: STUB — being implemented.
import { LmsError, type OutputOf, type ParsedInputOf } from '../../../shared/contract';
import type { Ctx, WriteCtx } from '../context';

export async function vaultStatus(
  _ctx: Ctx,
  _input: ParsedInputOf<'vault.status'>,
): Promise<OutputOf<'vault.status'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: vault.status.');
}

export async function moveVaultCash(
  _ctx: WriteCtx,
  _input: ParsedInputOf<'vault.move'>,
): Promise<OutputOf<'vault.move'>> {
  await Promise.resolve();
  throw new LmsError('INTERNAL', 'Not built yet: vault.move.');
}
