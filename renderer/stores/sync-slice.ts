import type { StateCreator } from 'zustand';

// What the sync loop last learned, for the status area. Online means the server answered the
// last request, whatever navigator.onLine says.
export interface SyncSlice {
  reachable: boolean | null;
  syncing: boolean;
  setSyncStatus: (status: { reachable?: boolean | null; syncing?: boolean }) => void;
}

export const createSyncSlice: StateCreator<SyncSlice, [], [], SyncSlice> = (set) => ({
  reachable: null,
  syncing: false,
  setSyncStatus: (status) => set(status),
});
