// Five wrong PINs in a row lock that operator for a while, on every device: each wrong PIN is an
// event (operator.pin-refused) the server counts on the operator's record, and a device lays its
// own waiting ones over the record it pulled, so offline it still locks on its own count. A lead
// lifts a lock early (operator.unlocked). Pure: the clock comes in.
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

// The lock as an operator record holds it (shared/domain/operator.ts), and back.
export interface PinLockFields {
  wrongPins?: number | undefined;
  pinLockedUntil?: string | null | undefined;
}

export const attemptsOf = (o: PinLockFields | undefined): PinAttempts => {
  const until = o?.pinLockedUntil ? Date.parse(o.pinLockedUntil) : NaN;
  return { wrongInARow: o?.wrongPins ?? 0, lockedUntil: Number.isFinite(until) ? until : null };
};

export const lockFieldsOf = (
  a: PinAttempts,
): { wrongPins: number; pinLockedUntil: string | null } => ({
  wrongPins: a.wrongInARow,
  pinLockedUntil: a.lockedUntil === null ? null : new Date(a.lockedUntil).toISOString(),
});

export const minutesLeft = (a: PinAttempts, nowMs: number): number =>
  Math.max(1, Math.ceil(((a.lockedUntil ?? nowMs) - nowMs) / 60_000));

export const lockMessage = (a: PinAttempts, nowMs: number): string =>
  `Too many wrong PINs: ask a lead to unlock you at the lead's station, or try again in ${minutesLeft(a, nowMs)} min.`;
