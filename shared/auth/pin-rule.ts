import type { OperatorRole } from '../domain/operator';

// A lead's PIN guards the most (waves, allocation, every tour), and a device that holds a lead's
// record can be stolen and searched offline: 10^4 PINs fell in 25 minutes on one core, so a
// lead's new PIN has at least 6 digits (100 times the work). PINs set before this rule keep
// working until an admin resets them.
export const LEAD_PIN_MIN_DIGITS = 6;

export const pinProblemForRole = (role: OperatorRole, pin: string): string | null =>
  role === 'lead' && pin.length < LEAD_PIN_MIN_DIGITS
    ? `a lead's PIN has at least ${LEAD_PIN_MIN_DIGITS} digits`
    : null;
