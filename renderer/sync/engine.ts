import type { FillwaveDb } from '../db/fillwave-db';
import type { SyncApi } from './api';
import { startSyncLoop } from './loop';
import type { PageSorter } from './page-sorter';
import { pull, type PullOutcome, type StepHook } from './pull';
import { push, type PushOutcome } from './push';
import { KEYS, writeState } from './sync-state';

export interface Clock {
  now(): Date;
  // Resolves after ms, or earlier when the signal aborts.
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export type SyncRound =
  { ok: true } | { ok: false; outcome: Exclude<PushOutcome | PullOutcome, { kind: 'done' }> };

// One round: push what waits, then pull what changed (which brings the server's view of what
// was just pushed). Records the outcome for the status area.
export const syncOnce = async (
  db: FillwaveDb,
  api: SyncApi,
  clock: Clock,
  step?: StepHook,
  sort?: PageSorter,
): Promise<SyncRound> => {
  const pushed = await push(db, api, { now: () => clock.now(), step });
  let outcome =
    pushed.kind === 'done' ? await pull(db, api, { now: () => clock.now(), step, sort }) : pushed;
  if (outcome.kind === 'done' && outcome.resent > 0) {
    // The server was restored: push what it may lack now, and pull what that changed.
    const again = await push(db, api, { now: () => clock.now(), step });
    outcome =
      again.kind === 'done' ? await pull(db, api, { now: () => clock.now(), step, sort }) : again;
  }
  if (outcome.kind === 'done') {
    await writeState(db, KEYS.lastError, null);
    return { ok: true };
  }
  // A pull refused for the token (an empty outbox sends no push) says it as surely as a push:
  // the server was reset or restored, or revoked the device. The screen says so and offers
  // enrolling again; the outbox stays.
  if (outcome.kind === 'unauthorized') await writeState(db, KEYS.needsEnrollment, true);
  await writeState(db, KEYS.lastError, {
    kind: outcome.kind,
    reason: outcome.reason,
    at: clock.now().toISOString(),
  });
  return { ok: false, outcome };
};

// Rounds until the outbox is empty and a pull has succeeded: the app's own loop (loop.ts), with
// its backoff and jitter after network errors and 5xx and its wait for 429's Retry-After, ended
// after the first calm round. Stops at 401 (the device must enroll again; the outbox stays), at a
// refusal a person must act on, or when `shouldStop` says so.
export const syncUntilCalm = async (
  db: FillwaveDb,
  api: SyncApi,
  clock: Clock,
  options: { random: () => number; shouldStop?: () => boolean; step?: StepHook },
): Promise<SyncRound> => {
  const loop = startSyncLoop({
    round: () => syncOnce(db, api, clock, options.step),
    clock,
    random: options.random,
    eventsWait: async () => (await db.outbox.count()) > 0,
    isLast: (round) =>
      round.ok ||
      round.outcome.kind === 'unauthorized' ||
      round.outcome.kind === 'refused' ||
      options.shouldStop?.() === true,
  });
  return (await loop.done)!;
};
