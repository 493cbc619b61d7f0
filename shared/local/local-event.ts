import type { RowChange } from './tables';
import type { Draft } from './draft';

// An event as the device holds it in its outbox.
export interface LocalEvent {
  id: string;
  type: string;
  operatorId: string | null;
  at: string;
  // The business date of `at` in the warehouse's time zone (shared/time), as the server will
  // date it; absent, the UTC date of `at`.
  today?: string;
  payload: unknown;
}

// What laying an event over the device's rows gives: its changes, or why the device can already
// tell it will not apply (the server still decides; this only keeps the screen honest).
export type LocalOutcome = { ok: true; changes: RowChange[] } | { ok: false; reason: string };

export type LocalRule<P> = (draft: Draft, payload: P, event: LocalEvent) => string | null;
