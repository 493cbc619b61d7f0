import type { StateCreator } from 'zustand';

// What the service worker told us: whether the app shell is cached for offline use.
export interface PwaSlice {
  offlineReady: boolean;
  setOfflineReady: (ready: boolean) => void;
}

export const createPwaSlice: StateCreator<PwaSlice, [], [], PwaSlice> = (set) => ({
  offlineReady: false,
  setOfflineReady: (ready) => set({ offlineReady: ready }),
});
