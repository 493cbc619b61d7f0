import type { StateCreator } from 'zustand';

// What the sync loop last learned, for the status area. Reachable means the server answered the
// last request (a round or a health probe), whatever navigator.onLine says; failedAt is when
// one last got no answer, so that "Offline" can mean a recent failure (offline.ts).
export interface SyncSlice {
  reachable: boolean | null;
  failedAt: number | null;
  syncing: boolean;
  // This page's sync loop, once main.tsx started it (tests do not: waking is then a no-op).
  wake: () => void;
  setWake: (wake: () => void) => void;
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
  wake: () => undefined,
  setWake: (wake) => set({ wake }),
  setSyncStatus: (status) => set(status),
});
