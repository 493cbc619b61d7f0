import type { StateCreator } from 'zustand';

// The page's platform: whether the service worker cached the app shell for offline use, and its
// sound output.
export interface PwaSlice {
  offlineReady: boolean;
  setOfflineReady: (ready: boolean) => void;
  // The page's one sound output for scan feedback, made at the first sound (browsers allow few).
  audio: AudioContext | null;
  setAudio: (audio: AudioContext) => void;
}

export const createPwaSlice: StateCreator<PwaSlice, [], [], PwaSlice> = (set) => ({
  offlineReady: false,
  setOfflineReady: (ready) => set({ offlineReady: ready }),
  audio: null,
  setAudio: (audio) => set({ audio }),
});
