// The shape of one contract entry. Access: 'public' (no session: setup, sign-in), 'session' (any session
// stage, e.g. during a forced password change), 'signedIn' (a completed sign-in), or a permission name.
import { z } from 'zod';
import type { Permission } from '../permissions';

export type Access = 'public' | 'session' | 'signedIn' | Permission;

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  description: string;
  access: Access;
  /** A mutation runs in one write transaction; a query only reads. */
  kind: 'query' | 'mutation';
  input: I;
  output: O;
  /** A passive call (a status poll) does not count as activity for the session's idle timeout. */
  isPassive?: boolean;
}

export function method<I extends z.ZodType, O extends z.ZodType, K extends MethodSpec['kind']>(
  spec: MethodSpec<I, O> & { kind: K },
): MethodSpec<I, O> & { kind: K } {
  return spec;
}

export const ok = z.object({ ok: z.literal(true) });
