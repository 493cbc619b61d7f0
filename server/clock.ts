// Time comes in from outside so tests drive it: delays, rate limits and receipt times.
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

// A clock that only moves when told to, or when something sleeps on it.
export const manualClock = (
  start = new Date('2026-11-25T08:00:00Z'),
): Clock & { advance(ms: number): void } => {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    sleep: async (ms) => {
      t += ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
};
