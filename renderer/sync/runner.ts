import type { FillwaveDb } from '../db/fillwave-db';
import { loadIdentity } from '../platform/credentials';
import { createSyncApi } from './api';
import { syncOnce, type Clock, type SyncRound } from './engine';
import { startSyncLoop, type LoopStatus, type SyncLoop } from './loop';
import { createWorkerSorter } from './page-sorter';

const LOCK = 'fillwave-sync';
const PROBE_TIMEOUT_MS = 3000;
// Not enrolled yet: look again soon, so the first sync starts right after enrollment.
const NOT_ENROLLED: SyncRound = {
  ok: false,
  outcome: { kind: 'retry', reason: 'not enrolled yet', retryAfterMs: 2000 },
};

const browserClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    }),
};

// The health endpoint needs no token and is never faulted or rate limited: any 200 says the
// server is there. Relative, like every API call (api.ts).
const probeHealth = async (): Promise<boolean> => {
  try {
    const res = await fetch('/api/v1/health', {
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return res.ok;
  } catch {
    return false;
  }
};

// The page's sync loop (loop.ts, the one the fault tests drive) wired to this browser: its
// identity, its fetch, its timers, its `online` event. One loop per device, however many tabs
// are open: the tabs queue for a Web Lock and the next takes over when the holder closes.
export const startSyncRunner = (
  db: FillwaveDb,
  onStatus: (s: LoopStatus) => void,
): { wake: () => void; stop: () => void } => {
  let loop: SyncLoop | null = null;
  let stopped = false;
  const sort = createWorkerSorter();
  const run = () => {
    if (stopped) return Promise.resolve();
    loop = startSyncLoop({
      round: async () => {
        const identity = await loadIdentity(db);
        if (!identity) return NOT_ENROLLED;
        return syncOnce(db, createSyncApi(identity.token), browserClock, undefined, sort);
      },
      clock: browserClock,
      random: Math.random,
      eventsWait: async () => (await db.outbox.count()) > 0,
      probe: probeHealth,
      onStatus,
    });
    return loop.done;
  };

  // The network came back: try now rather than at the end of a long backoff.
  if (typeof window !== 'undefined') window.addEventListener('online', () => loop?.networkBack());
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) void locks.request(LOCK, run);
  else void run();
  return {
    wake: () => loop?.wake(),
    stop: () => {
      stopped = true;
      loop?.stop();
    },
  };
};
