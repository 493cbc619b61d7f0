import type { Clock } from '../clock';

export interface RateLimitConfig {
  // Pushes a device may make in a burst, and how fast that allowance comes back.
  burst: number;
  perSecond: number;
}

// A token bucket per device, on the injected clock. Answers how many seconds to wait, or 0.
export const createRateLimiter = (config: RateLimitConfig, clock: Clock) => {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key: string): number => {
    const now = clock.now().getTime();
    const bucket = buckets.get(key) ?? { tokens: config.burst, at: now };
    bucket.tokens = Math.min(
      config.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * config.perSecond,
    );
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / config.perSecond);
  };
};
