// The status bar's sync facts (`system.status`): the sync state and how many changes wait to be sent.
import { create } from 'zustand';
import type { OutputOf } from '../../shared/contract';
import { api } from '../api/api';

export type SystemStatus = OutputOf<'system.status'>;

interface SyncStatusState {
  status: SystemStatus | null;
  isUnreachable: boolean;
  poll(): Promise<void>;
  reset(): void;
}

export const useSyncStatus = create<SyncStatusState>((set) => ({
  status: null,
  isUnreachable: false,
  async poll() {
    const result = await api.call('system.status', {});
    if (result.data) set({ status: result.data, isUnreachable: false });
    else if (result.error.code === 'INTERNAL') set({ isUnreachable: true });
  },
  reset() {
    set({ status: null, isUnreachable: false });
  },
}));
