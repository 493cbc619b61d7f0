// Retry delays: doubling from 1 s, never over 60 s, with jitter so a warehouse of handhelds
// coming back at once does not knock together. 60 s: a handheld out of range all night syncs
// within a minute of coming back.
export const BACKOFF_START_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;

export const backoffMs = (attempt: number, random: () => number): number => {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
};
