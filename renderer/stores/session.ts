// Who is signed in: the session token and what `auth.me` says about it (user, role, permissions, stage, branch).
// The token is kept in sessionStorage so a reload keeps the sign-in; it dies with the window. Server data other
// than the session itself is fetched by the screens, not kept here.
import { create } from 'zustand';
import type { OutputOf, SignInResult } from '../../shared/contract';
import type { Permission } from '../../shared/permissions';
import { api } from '../api/api';

export type Me = OutputOf<'auth.me'>;

/** Why the person is back at the sign-in page, shown there once. */
export type SignOutNotice = 'idle' | 'ended' | 'signedOut' | null;

interface SessionState {
  token: string | null;
  me: Me | null;
  isLoading: boolean;
  notice: SignOutNotice;
  /** Takes the (new) session token of a sign-in step and loads who we are now. */
  adopt(result: SignInResult): Promise<void>;
  /** Switches to a rotated token at once, without reloading who we are (e.g. while recovery codes show). */
  rotate(token: string): void;
  restore(): Promise<void>;
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  expire(notice: SignOutNotice): void;
  clearNotice(): void;
}

const tokenKey = 'lms.session';

function setToken(token: string | null) {
  api.setSessionToken(token);
  if (token) sessionStorage.setItem(tokenKey, token);
  else sessionStorage.removeItem(tokenKey);
}

export const useSession = create<SessionState>((set, get) => ({
  token: null,
  me: null,
  isLoading: false,
  notice: null,
  async adopt(result) {
    setToken(result.sessionToken);
    set({ token: result.sessionToken, notice: null });
    await get().refresh();
  },
  rotate(token) {
    setToken(token);
    set({ token });
  },
  async restore() {
    const token = sessionStorage.getItem(tokenKey);
    if (!token) return;
    setToken(token);
    set({ token, isLoading: true });
    await get().refresh();
    set({ isLoading: false });
  },
  async refresh() {
    const result = await api.call('auth.me', {});
    if (result.data) set({ me: result.data });
    else {
      setToken(null);
      set({ token: null, me: null });
    }
  },
  async signOut() {
    await api.call('auth.signOut', {});
    setToken(null);
    set({ token: null, me: null, notice: 'signedOut' });
  },
  expire(notice) {
    setToken(null);
    set({ token: null, me: null, notice });
  },
  clearNotice() {
    set({ notice: null });
  },
}));

export function hasPermission(me: Me | null, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
