import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { createPlanSlice, type PlanSlice } from './plan-slice';
import { createPwaSlice, type PwaSlice } from './pwa-slice';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';
import { createWalkSlice, type WalkSlice } from './walk-slice';

// One bound store made of small slices; middleware only here, on the combined store.
export type AppState = PlanSlice & PwaSlice & SessionSlice & SyncSlice & WalkSlice;

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createPlanSlice(...a),
      ...createPwaSlice(...a),
      ...createSessionSlice(...a),
      ...createSyncSlice(...a),
      ...createWalkSlice(...a),
    }),
    {
      name: 'fillwave-session',
      // Only who is signed in survives a reload of this tab; a closed tab signs out.
      storage: createJSONStorage(() => sessionStorage),
      partialize: (s) => ({ operator: s.operator }),
    },
  ),
);
