import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  isLocked,
  LOCK_MS,
  lockMessage,
  NO_ATTEMPTS,
  type PinAttempts,
} from '../../../../shared/auth/pin-lock';

const wrong = (a: PinAttempts, times: number, now = 0) =>
  Array.from({ length: times }).reduce<PinAttempts>((x) => afterAttempt(x, false, now), a);

describe('PIN lock', () => {
  it('locks the operator after five wrong PINs in a row', () => {
    const four = wrong(NO_ATTEMPTS, 4);
    expect(isLocked(four, 0)).toBe(false);
    const five = afterAttempt(four, false, 1000);
    expect(isLocked(five, 1000)).toBe(true);
    expect(lockMessage(five, 1000)).toBe(
      "Too many wrong PINs: ask a lead to unlock you at the lead's station, or try again in 5 min.",
    );
  });

  it('refuses even the right PIN while locked, and lets it in once the lock has run out', () => {
    const locked = wrong(NO_ATTEMPTS, 5, 0);
    expect(afterAttempt(locked, true, 10)).toBe(locked);
    expect(isLocked(locked, LOCK_MS)).toBe(false);
    expect(afterAttempt(locked, true, LOCK_MS)).toEqual(NO_ATTEMPTS);
  });

  it('a right PIN clears the count; after a lock runs out the count starts again', () => {
    expect(afterAttempt(wrong(NO_ATTEMPTS, 4), true, 0)).toEqual(NO_ATTEMPTS);
    const after = afterAttempt(wrong(NO_ATTEMPTS, 5, 0), false, LOCK_MS + 1);
    expect(after).toEqual({ wrongInARow: 1, lockedUntil: null });
  });
});
