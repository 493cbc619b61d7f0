import type { PickStep } from '../../shared/picking/pick-step';

// Where the picker is inside a tour between events: the tasks skipped for now and the scans of
// the task in hand. Kept per tour in localStorage, so a reload, a crash or a sign-out (pause)
// comes back to the same place; every finished step is an event and needs none of this.
export interface WalkState {
  skipped: string[];
  step: PickStep | null;
}

const key = (tourId: string) => `fillwave.walk.${tourId}`;

export const loadWalk = (tourId: string): WalkState => {
  try {
    const raw = localStorage.getItem(key(tourId));
    const parsed = raw ? (JSON.parse(raw) as Partial<WalkState>) : {};
    return {
      skipped: Array.isArray(parsed.skipped)
        ? parsed.skipped.filter((s) => typeof s === 'string')
        : [],
      step: parsed.step && typeof parsed.step === 'object' ? parsed.step : null,
    };
  } catch {
    return { skipped: [], step: null };
  }
};

export const saveWalk = (tourId: string, state: WalkState) =>
  localStorage.setItem(key(tourId), JSON.stringify(state));

export const forgetWalk = (tourId: string) => localStorage.removeItem(key(tourId));
