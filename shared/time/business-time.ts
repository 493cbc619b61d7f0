// How far ahead of the server's receipt an event's `at` may be before the device's clock is
// taken to be wrong: a handheld's clock drifts, and the network and the outbox delay nothing
// into the future, so five minutes is only drift.
export const CLOCK_AHEAD_LIMIT_MS = 5 * 60 * 1000;

export interface EffectiveAt {
  // The time the rules use: the device's `at`, or the receipt time when `at` was too far ahead.
  at: string;
  // The device's own `at`, kept when it was replaced; null otherwise.
  deviceAt: string | null;
  // How far ahead the device's clock was, in ms, when it was replaced; null otherwise.
  clockAheadMs: number | null;
}

// An event happened when the device says (it may have waited offline for a day), but never
// later than the server received it: an `at` more than CLOCK_AHEAD_LIMIT_MS ahead is clamped to
// the receipt time, never refused (the work was done; only the clock is wrong).
export const effectiveAt = (at: string, receivedAt: string): EffectiveAt => {
  const ahead = Date.parse(at) - Date.parse(receivedAt);
  return ahead > CLOCK_AHEAD_LIMIT_MS
    ? { at: receivedAt, deviceAt: at, clockAheadMs: ahead }
    : { at, deviceAt: null, clockAheadMs: null };
};

// What the sync status says while the server finds the device's clock ahead.
export const describeClockAhead = (aheadMs: number): string => {
  const minutes = Math.round(aheadMs / 60000);
  const by =
    minutes < 120
      ? `${minutes} minutes`
      : minutes < 48 * 60
        ? `${Math.round(minutes / 60)} hours`
        : `${Math.round(minutes / 1440)} days`;
  return `This device's clock is ${by} ahead: check its time and time zone. Work done meanwhile is recorded at the time the server received it.`;
};
