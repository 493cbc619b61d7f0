import { backoffMs } from './backoff';
import type { Clock, SyncRound } from './engine';

export interface LoopStatus {
  syncing: boolean;
  // Whether the last request (a round or a health probe) got an answer, and when one got none.
  reachable: boolean | null;
  failedAt: number | null;
}

export interface LoopDeps {
  round: () => Promise<SyncRound>;
  clock: Clock;
  random: () => number;
  // Whether events wait in the outbox: the backoff's cap is shorter then (backoff.ts).
  eventsWait?: () => Promise<boolean>;
  // A light request that says whether the server answers at all (the health endpoint).
  probe?: () => Promise<boolean>;
  onStatus?: (status: LoopStatus) => void;
  // The round after which the loop ends (the tests' "until calm"); the app's runs until stopped.
  isLast?: (round: SyncRound) => boolean;
}

export interface SyncLoop {
  // A new action or "Sync now": a round at once, or right after the one under way.
  wake(): void;
  // The browser says the network is back: the backoff starts over, and a round at once.
  networkBack(): void;
  stop(): void;
  // The last round, when the loop ends.
  done: Promise<SyncRound | undefined>;
}

export const CALM_MS = 5000;
// While the server does not answer, how often to ask whether it does again.
export const PROBE_MS = 2000;

// The request got no answer at all (not a 5xx or a 429, which are answers from a live server).
export const unanswered = (round: SyncRound) =>
  !round.ok && round.outcome.kind === 'retry' && round.outcome.unanswered === true;

// The one sync loop: the app runs it (runner.ts) and the fault and crash tests drive it
// (engine.ts's syncUntilCalm). A round, then a wait: a few seconds when calm, the server's
// Retry-After after a 429, backoff after other failures. While the server gives no answer a
// health probe runs every few seconds and ends the wait when it answers. Never drops or
// reorders an event: the rounds do the work, the loop only decides when.
export const startSyncLoop = (deps: LoopDeps): SyncLoop => {
  let stopped = false;
  let woken = false;
  let attempt = 0;
  // The network came back: the next round starts the backoff over (even if one is under way now).
  let startOver = false;
  let interrupt: AbortController | null = null;
  const status: LoopStatus = { syncing: false, reachable: null, failedAt: null };
  const report = (change: Partial<LoopStatus>) => {
    Object.assign(status, change);
    deps.onStatus?.({ ...status });
  };
  const answered = (yes: boolean) =>
    report(
      yes
        ? { reachable: true, failedAt: null }
        : { reachable: false, failedAt: deps.clock.now().getTime() },
    );
  const wakeNow = () => {
    woken = true;
    interrupt?.abort();
  };

  // Waits ms, or less when woken or stopped; says whether it was cut short.
  const pause = async (ms: number): Promise<boolean> => {
    if (woken || stopped) return true;
    const controller = new AbortController();
    interrupt = controller;
    const aborted = new Promise<void>((resolve) =>
      controller.signal.addEventListener('abort', () => resolve(), { once: true }),
    );
    await Promise.race([deps.clock.sleep(ms, controller.signal), aborted]);
    interrupt = null;
    return woken || stopped;
  };

  // The backoff's wait with the server silent: probe it every few seconds, and when it answers
  // start over (attempt 0) at once rather than at the end of the wait.
  const pauseProbing = async (ms: number, probe: () => Promise<boolean>) => {
    for (let left = ms; left > 0;) {
      const step = Math.min(PROBE_MS, left);
      if (await pause(step)) return;
      left -= step;
      if (left <= 0) return;
      const up = await probe().catch(() => false);
      answered(up);
      if (up) {
        attempt = 0;
        return;
      }
    }
  };

  const run = async (): Promise<SyncRound | undefined> => {
    let last: SyncRound | undefined;
    while (!stopped) {
      // A wake from here on (during the round) is kept and starts the next round.
      woken = false;
      if (startOver) attempt = 0;
      startOver = false;
      report({ syncing: true });
      const round = await deps.round().catch((error: Error): SyncRound => ({
        ok: false,
        outcome: { kind: 'retry', reason: error.message },
      }));
      last = round;
      report({ syncing: false });
      if (round.ok || !unanswered(round)) answered(true);
      else answered(false);
      if (deps.isLast?.(round)) return round;
      if (round.ok) {
        attempt = 0;
        await pause(CALM_MS);
        continue;
      }
      const outcome = round.outcome;
      if (outcome.kind === 'retry' && outcome.retryAfterMs !== undefined) {
        await pause(outcome.retryAfterMs);
        continue;
      }
      const waiting = (await deps.eventsWait?.().catch(() => true)) ?? true;
      const delay = backoffMs(attempt++, deps.random, waiting);
      if (unanswered(round) && deps.probe) await pauseProbing(delay, deps.probe);
      else await pause(delay);
    }
    return last;
  };

  const done = run();
  return {
    wake: wakeNow,
    networkBack: () => {
      startOver = true;
      wakeNow();
    },
    stop: () => {
      stopped = true;
      interrupt?.abort();
    },
    done,
  };
};
