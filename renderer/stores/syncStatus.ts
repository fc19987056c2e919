// The status bar's sync facts (`system.status`): the sync state and how many changes wait to be sent, and
// "Sync now" (`sync.now`), whose answer or refusal in words the status bar shows until the next poll.
import { create } from 'zustand';
import type { OutputOf } from '../../shared/contract';
import { api } from '../api/api';

export type SystemStatus = OutputOf<'system.status'>;

interface SyncStatusState {
  status: SystemStatus | null;
  isUnreachable: boolean;
  isSyncingNow: boolean;
  /** The last "Sync now" failure, in words (cleared by the next success). */
  syncError: string | null;
  poll(): Promise<void>;
  syncNow(): Promise<void>;
  reset(): void;
}

export const useSyncStatus = create<SyncStatusState>((set, get) => ({
  status: null,
  isUnreachable: false,
  isSyncingNow: false,
  syncError: null,
  async poll() {
    const result = await api.call('system.status', {});
    if (result.data) set({ status: result.data, isUnreachable: false });
    else if (result.error.code === 'INTERNAL') set({ isUnreachable: true });
  },
  async syncNow() {
    if (get().isSyncingNow) return;
    set({ isSyncingNow: true, syncError: null });
    const result = await api.call('sync.now', {});
    set({ isSyncingNow: false, syncError: result.error?.message ?? result.data?.refused ?? null });
    await get().poll();
  },
  reset() {
    set({ status: null, isUnreachable: false, isSyncingNow: false, syncError: null });
  },
}));
