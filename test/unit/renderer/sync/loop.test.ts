// The one sync loop (renderer/sync/loop.ts) on a fake clock: when rounds run, how long it waits,
// and what it reports. The rounds here are stand-ins; the integration and crash tests run real
// ones through the same loop (syncUntilCalm).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  backoffMs,
  BACKOFF_MAX_IDLE_MS,
  BACKOFF_MAX_WAITING_MS,
} from '../../../../renderer/sync/backoff';
import type { Clock, SyncRound } from '../../../../renderer/sync/engine';
import {
  CALM_MS,
  PROBE_MS,
  startSyncLoop,
  type LoopDeps,
  type LoopStatus,
  type SyncLoop,
} from '../../../../renderer/sync/loop';

const fakeClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    }),
};

const OK: SyncRound = { ok: true };
const SILENT: SyncRound = {
  ok: false,
  outcome: { kind: 'retry', reason: 'the server did not answer (fetch failed)', unanswered: true },
};
const BUSY: SyncRound = { ok: false, outcome: { kind: 'retry', reason: 'busy', status: 503 } };

// A round per call, answered by `answer`, with the fake time each one started at.
const rounds = (answer: (n: number) => SyncRound | Promise<SyncRound>) => {
  const startedAt: number[] = [];
  return {
    startedAt,
    round: async () => {
      startedAt.push(Date.now());
      return answer(startedAt.length);
    },
  };
};

let loop: SyncLoop | undefined;
const start = (deps: Partial<LoopDeps> & Pick<LoopDeps, 'round'>) => {
  loop = startSyncLoop({ clock: fakeClock, random: () => 0.5, ...deps });
  return loop;
};

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z') });
});
afterEach(async () => {
  loop?.stop();
  await vi.runOnlyPendingTimersAsync();
  await loop?.done;
  loop = undefined;
  vi.useRealTimers();
});

describe('backoff', () => {
  it('is capped at 15 s while events wait, 60 s when none do', () => {
    expect(backoffMs(30, () => 1, true)).toBe(BACKOFF_MAX_WAITING_MS);
    expect(BACKOFF_MAX_WAITING_MS).toBeLessThanOrEqual(15_000);
    expect(backoffMs(30, () => 1, false)).toBe(BACKOFF_MAX_IDLE_MS);
    expect(backoffMs(0, () => 0, true)).toBe(500);
  });
});

describe('the sync loop', () => {
  it('runs another round at once when woken during a round', async () => {
    let finishFirst!: () => void;
    const r = rounds((n) =>
      n === 1 ? new Promise<SyncRound>((resolve) => (finishFirst = () => resolve(OK))) : OK,
    );
    const l = start({ round: r.round });
    await vi.advanceTimersByTimeAsync(0);
    expect(r.startedAt).toHaveLength(1);
    l.wake(); // a person acted while the round was under way
    finishFirst();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.startedAt).toHaveLength(2);
    // Only one extra round for that wake: then the calm wait.
    await vi.advanceTimersByTimeAsync(CALM_MS - 1);
    expect(r.startedAt).toHaveLength(2);
  });

  it('ends the calm wait when woken', async () => {
    const r = rounds(() => OK);
    const l = start({ round: r.round });
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.startedAt).toHaveLength(1);
    l.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.startedAt).toHaveLength(2);
  });

  it('notices within a probe interval that a silent server answers again', async () => {
    const back = Date.now() + 40_000;
    const statuses: LoopStatus[] = [];
    const r = rounds(() => (Date.now() < back ? SILENT : OK));
    const probe = vi.fn(async () => Date.now() >= back);
    start({
      round: r.round,
      probe,
      eventsWait: async () => true,
      onStatus: (s) => statuses.push(s),
    });
    await vi.advanceTimersByTimeAsync(1);
    expect(statuses.at(-1)).toMatchObject({ reachable: false, failedAt: Date.now() - 1 });
    await vi.advanceTimersByTimeAsync(back - Date.now() + PROBE_MS);
    // The first round after the server is back started within one probe interval of it.
    const firstOk = r.startedAt.find((t) => t >= back)!;
    expect(firstOk - back).toBeLessThanOrEqual(PROBE_MS);
    expect(statuses.at(-1)).toMatchObject({ reachable: true, failedAt: null });
    // While it was silent the probe kept the failure fresh: never more than a probe apart.
    const failures = [...new Set(statuses.map((s) => s.failedAt).filter((t) => t !== null))];
    for (let i = 1; i < failures.length; i++)
      expect(failures[i]! - failures[i - 1]!).toBeLessThanOrEqual(PROBE_MS + 1);
  });

  it('waits no more than 15 s between rounds while events wait and the server is silent', async () => {
    const r = rounds(() => SILENT);
    start({ round: r.round, random: () => 1, eventsWait: async () => true });
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    const gaps = r.startedAt.slice(1).map((t, i) => t - r.startedAt[i]!);
    expect(Math.max(...gaps)).toBe(BACKOFF_MAX_WAITING_MS);
  });

  it('starts over at once when the browser says the network is back', async () => {
    const r = rounds(() => SILENT);
    const l = start({ round: r.round, random: () => 1, eventsWait: async () => false });
    await vi.advanceTimersByTimeAsync(3 * 60_000); // deep in backoff, 60 s apart
    const before = r.startedAt.length;
    l.networkBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(r.startedAt).toHaveLength(before + 1);
    // And the backoff starts over: the next round after about a second, not a minute.
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.startedAt).toHaveLength(before + 2);
  });

  it('starts the backoff over even when the network comes back during a round', async () => {
    let finish: (() => void) | undefined;
    const r = rounds(() => new Promise<SyncRound>((resolve) => (finish = () => resolve(SILENT))));
    const l = start({ round: r.round, random: () => 1, eventsWait: async () => false });
    for (let i = 0; i < 8; i++) {
      await vi.advanceTimersByTimeAsync(60_000);
      finish?.();
    }
    await vi.advanceTimersByTimeAsync(60_000); // a round under way, deep in backoff
    const before = r.startedAt.length;
    l.networkBack();
    finish!(); // that round fails too
    await vi.advanceTimersByTimeAsync(0);
    expect(r.startedAt).toHaveLength(before + 1);
    finish!();
    await vi.advanceTimersByTimeAsync(1000);
    expect(r.startedAt).toHaveLength(before + 2);
    l.stop();
    finish!();
  });

  it("waits a 429's Retry-After, and does not probe a server that answers 5xx", async () => {
    const limited: SyncRound = {
      ok: false,
      outcome: { kind: 'retry', reason: 'slow down', retryAfterMs: 7000 },
    };
    const r = rounds((n) => (n === 1 ? limited : n < 4 ? BUSY : OK));
    const probe = vi.fn(async () => true);
    start({ round: r.round, probe, random: () => 1 });
    await vi.advanceTimersByTimeAsync(7000 + 1000 + 2000);
    expect(r.startedAt.map((t) => t - r.startedAt[0]!)).toEqual([0, 7000, 8000, 10_000]);
    expect(probe).not.toHaveBeenCalled();
  });

  it('ends after the round its caller calls the last, and when stopped', async () => {
    const r = rounds((n) => (n < 3 ? BUSY : OK));
    const l = start({ round: r.round, isLast: (round) => round.ok });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await l.done).toEqual(OK);
    expect(r.startedAt).toHaveLength(3);

    const forever = rounds(() => OK);
    const stopped = start({ round: forever.round });
    await vi.advanceTimersByTimeAsync(1);
    stopped.stop();
    expect(await stopped.done).toEqual(OK);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(forever.startedAt).toHaveLength(1);
  });
});
