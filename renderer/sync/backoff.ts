// Retry delays: doubling from 1 s with jitter so a warehouse of handhelds coming back at once
// does not knock together. The cap is 15 s while events wait (a person's work should reach the
// server soon after the network does) and 60 s when nothing waits (a handheld out of range all
// night is not worth waking more often). Whatever the delay, a health probe every few seconds
// and the browser's `online` event end it early (loop.ts).
export const BACKOFF_START_MS = 1000;
export const BACKOFF_MAX_WAITING_MS = 15_000;
export const BACKOFF_MAX_IDLE_MS = 60_000;

export const backoffMs = (attempt: number, random: () => number, eventsWait = true): number => {
  const cap = eventsWait ? BACKOFF_MAX_WAITING_MS : BACKOFF_MAX_IDLE_MS;
  const ceiling = Math.min(cap, BACKOFF_START_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
