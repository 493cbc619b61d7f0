import type { Clock } from '../clock';
import { refillBucket, secondsUntilToken, type TokenBucket } from './token-bucket';

export interface RateLimitConfig {
  // Pushes a device may make in a burst, and how fast that allowance comes back.
  burst: number;
  perSecond: number;
}

// A token bucket per device, on the injected clock. Answers how many seconds to wait, or 0.
export const createRateLimiter = (config: RateLimitConfig, clock: Clock) => {
  const buckets = new Map<string, TokenBucket>();
  return (key: string): number => {
    const bucket = refillBucket(buckets.get(key), config, clock.now().getTime());
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return secondsUntilToken(bucket, config);
  };
};
