import type { StateCreator } from 'zustand';
import type { WalkState } from '../../shared/picking/tour-controller';
import { loadWalk, saveWalk } from '../picking/walk-state';

// The picker's place in each tour opened in this tab, read once from localStorage (checked
// there) and written back on every change, so a reload or a crash comes back to it.
export interface WalkSlice {
  walks: Record<string, WalkState>;
  // The tour's walk: the one in this tab, else the stored copy, else a fresh start.
  walkOf: (tourId: string) => WalkState;
  setWalk: (tourId: string, next: WalkState) => void;
}

export const createWalkSlice: StateCreator<WalkSlice, [], [], WalkSlice> = (set, get) => ({
  walks: {},
  walkOf: (tourId) => get().walks[tourId] ?? loadWalk(tourId),
  setWalk: (tourId, next) => {
    saveWalk(tourId, next);
    set((s) => ({ walks: { ...s.walks, [tourId]: next } }));
  },
});
