import type { Clock } from '../clock';
import { HttpError } from '../errors';
import { refillBucket, secondsUntilToken, type TokenBucket } from './token-bucket';

export interface FailureThrottleConfig {
  // Failures an address may make in a row, and how fast that allowance comes back.
  burst: number;
  perSecond: number;
}

// Guessing a code or the admin token: a person mistypes a few times, a script thousands.
export const ENROLL_FAILURES: FailureThrottleConfig = { burst: 10, perSecond: 1 / 30 };
export const ADMIN_FAILURES: FailureThrottleConfig = { burst: 10, perSecond: 1 / 30 };

// Bounds memory under a flood of addresses: full buckets carry nothing worth keeping.
const PRUNE_AT = 10_000;

// A token bucket of failures per caller address, on the injected clock. Each attempt spends one
// token up front and a success gives it back, so a thousand guesses sent at once are held to the
// allowance like a thousand in a row. Once it is empty every attempt from that address waits, so
// a guess that would have been right is not even tried.
export const createFailureThrottle = (config: FailureThrottleConfig, clock: Clock) => {
  const buckets = new Map<string, TokenBucket>();
  const refill = (key: string) => refillBucket(buckets.get(key), config, clock.now().getTime());
  const prune = () => {
    for (const key of [...buckets.keys()]) {
      if (refill(key).tokens >= config.burst) buckets.delete(key);
    }
  };
  return {
    // Throws 429 with Retry-After while the address has no failures left; else spends one until
    // the attempt turns out well.
    begin(key: string, what: string): { succeeded(): void } {
      const bucket = refill(key);
      if (bucket.tokens < 1) {
        const seconds = Math.max(1, secondsUntilToken(bucket, config));
        throw new HttpError(
          429,
          'too-many-failures',
          `Too many failed ${what} from this address: wait ${seconds} seconds and try again.`,
          { 'retry-after': String(seconds) },
        );
      }
      bucket.tokens -= 1;
      buckets.set(key, bucket);
      if (buckets.size > PRUNE_AT) prune();
      let settled = false;
      return {
        succeeded: () => {
          if (settled) return;
          settled = true;
          const now = refill(key);
          now.tokens = Math.min(config.burst, now.tokens + 1);
        },
      };
    },
  };
};

export type FailureThrottle = ReturnType<typeof createFailureThrottle>;
