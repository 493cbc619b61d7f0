import type { StateCreator } from 'zustand';
import type { PlanPreview } from '../../shared/engines/plan/shift';

// The lead's wave preview, kept while the tab is open: leaving the plan screen and coming back
// finds it as it was left, moves included. Not stored: a reload plans again on fresh rows.
export interface PlanSlice {
  planPreview: PlanPreview | null;
  setPlanPreview: (next: PlanPreview | null) => void;
}

export const createPlanSlice: StateCreator<PlanSlice, [], [], PlanSlice> = (set) => ({
  planPreview: null,
  setPlanPreview: (next) => set({ planPreview: next }),
});
