import type { StateCreator } from 'zustand';

// What the sync loop last learned, for the status area. Reachable means the server answered the
// last request (a round or a health probe), whatever navigator.onLine says; failedAt is when
// one last got no answer, so that "Offline" can mean a recent failure (offline.ts).
export interface SyncSlice {
  reachable: boolean | null;
  failedAt: number | null;
  syncing: boolean;
  setSyncStatus: (status: {
    reachable?: boolean | null;
    failedAt?: number | null;
    syncing?: boolean;
  }) => void;
}

export const createSyncSlice: StateCreator<SyncSlice, [], [], SyncSlice> = (set) => ({
  reachable: null,
  failedAt: null,
  syncing: false,
  setSyncStatus: (status) => set(status),
});
