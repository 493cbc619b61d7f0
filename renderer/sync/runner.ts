import type { FillwaveDb } from '../db/fillwave-db';
import { loadIdentity } from '../platform/credentials';
import { createSyncApi } from './api';
import { backoffMs } from './backoff';
import { syncOnce, type SyncRound } from './engine';
import { createWorkerSorter } from './page-sorter';

export interface RunnerStatus {
  reachable?: boolean | null;
  syncing?: boolean;
}

const CALM_MS = 5000;
const LOCK = 'fillwave-sync';

// The page's sync loop: push and pull every few seconds, at once when woken (a new action), with
// backoff while the server cannot be reached. One loop per device, however many tabs are open:
// the tabs queue for a Web Lock and the next takes over when the holder closes.
export const startSyncRunner = (
  db: FillwaveDb,
  onStatus: (s: RunnerStatus) => void,
): { wake: () => void; stop: () => void } => {
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const clock = { now: () => new Date(), sleep: wait };
  const sort = createWorkerSorter();

  const loop = async () => {
    let attempt = 0;
    while (!stopped) {
      const identity = await loadIdentity(db);
      if (!identity) {
        await wait(2000);
        continue;
      }
      onStatus({ syncing: true });
      const round: SyncRound = await syncOnce(
        db,
        createSyncApi(identity.token),
        clock,
        undefined,
        sort,
      ).catch((error: Error): SyncRound => ({
        ok: false,
        outcome: { kind: 'retry', reason: error.message },
      }));
      const unreachable = !round.ok && round.outcome.kind === 'retry';
      onStatus({ syncing: false, reachable: !unreachable });
      if (round.ok) attempt = 0;
      const delay = round.ok
        ? CALM_MS
        : round.outcome.kind === 'retry' && round.outcome.retryAfterMs !== undefined
          ? round.outcome.retryAfterMs
          : backoffMs(attempt++, Math.random);
      await wait(delay);
    }
  };

  // The network came back: try now rather than at the end of a long backoff.
  if (typeof window !== 'undefined') window.addEventListener('online', () => wakeUp?.());
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) void locks.request(LOCK, () => loop());
  else void loop();
  return {
    wake: () => wakeUp?.(),
    stop: () => {
      stopped = true;
      wakeUp?.();
    },
  };
};
