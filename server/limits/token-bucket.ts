export interface TokenBucket {
  tokens: number;
  at: number;
}

export interface TokenBucketConfig {
  burst: number;
  perSecond: number;
}

// Tops the bucket up for the time since it was last seen, never beyond the burst, and returns it
// (the same object, changed in place). A key never seen before starts full.
export const refillBucket = (
  bucket: TokenBucket | undefined,
  config: TokenBucketConfig,
  now: number,
): TokenBucket => {
  const topped = bucket ?? { tokens: config.burst, at: now };
  topped.tokens = Math.min(
    config.burst,
    topped.tokens + ((now - topped.at) / 1000) * config.perSecond,
  );
  topped.at = now;
  return topped;
};

// Seconds, rounded up, until the bucket holds one whole token again.
export const secondsUntilToken = (bucket: TokenBucket, config: TokenBucketConfig): number =>
  Math.ceil((1 - bucket.tokens) / config.perSecond);
