// Five wrong PINs in a row lock that operator on this device for a while. Pure: the device keeps
// the attempts per operator and passes the clock in.
export const MAX_WRONG_PINS = 5;
export const LOCK_MS = 5 * 60 * 1000;

export interface PinAttempts {
  wrongInARow: number;
  lockedUntil: number | null;
}

export const NO_ATTEMPTS: PinAttempts = { wrongInARow: 0, lockedUntil: null };

export const isLocked = (a: PinAttempts, nowMs: number): boolean =>
  a.lockedUntil !== null && nowMs < a.lockedUntil;

export const afterAttempt = (a: PinAttempts, right: boolean, nowMs: number): PinAttempts => {
  if (isLocked(a, nowMs)) return a;
  if (right) return NO_ATTEMPTS;
  const wrong = (a.lockedUntil !== null ? 0 : a.wrongInARow) + 1;
  return wrong >= MAX_WRONG_PINS
    ? { wrongInARow: wrong, lockedUntil: nowMs + LOCK_MS }
    : { wrongInARow: wrong, lockedUntil: null };
};

export const lockMessage = (a: PinAttempts, nowMs: number): string =>
  `Too many wrong PINs: try again in ${Math.ceil(((a.lockedUntil ?? nowMs) - nowMs) / 60_000)} min, or ask a lead.`;
