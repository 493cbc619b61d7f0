import {
  afterAttempt,
  attemptsOf,
  isLocked,
  lockFieldsOf,
  NO_ATTEMPTS,
  type PinAttempts,
} from '../auth/pin-lock';
import type { Operator } from '../domain/operator';
import type { Draft } from './draft';
import { accepted, defineRule, refuse, type RuleOutcome } from './rule';

// The PIN lock on the operator's record (shared/auth/pin-lock.ts), the same on every device.

const signingIn = (
  d: Draft,
  operatorId: string | null,
): { operator: Operator } | { refusal: RuleOutcome } => {
  const operator = operatorId ? d.get('operator', operatorId) : undefined;
  return operator
    ? { operator }
    : { refusal: refuse('operator-unknown', 'This badge is not known to the server.') };
};

// Written only when the count or the lock moves: a row written back unchanged in another
// timestamp format would still be a change every device pulls.
const setAttempts = (d: Draft, o: Operator, next: PinAttempts): void => {
  const now = attemptsOf(o);
  if (now.wrongInARow !== next.wrongInARow || now.lockedUntil !== next.lockedUntil)
    d.put('operator', { ...o, ...lockFieldsOf(next) });
};

// One more wrong PIN: the fifth in a row locks the badge for LOCK_MS from the event's time. One
// while locked (another device had not heard yet) changes nothing.
export const operatorPinRefused = defineRule({
  type: 'operator.pin-refused',
  apply: (d, _payload, ctx) => {
    const found = signingIn(d, ctx.operatorId);
    if ('refusal' in found) return found.refusal;
    const { operator } = found;
    setAttempts(d, operator, afterAttempt(attemptsOf(operator), false, Date.parse(ctx.at)));
    return accepted;
  },
});

// The right PIN ends the run of wrong ones. A lock set meanwhile from another device stands: a
// sign-in its device let through before it heard of the lock does not lift it.
export const operatorPinAccepted = defineRule({
  type: 'operator.pin-accepted',
  apply: (d, _payload, ctx) => {
    const found = signingIn(d, ctx.operatorId);
    if ('refusal' in found) return found.refusal;
    const { operator } = found;
    setAttempts(d, operator, afterAttempt(attemptsOf(operator), true, Date.parse(ctx.at)));
    return accepted;
  },
});

// A lead lifts a lock before it runs out; the operator's devices let them in after their next pull.
export const operatorUnlocked = defineRule({
  type: 'operator.unlocked',
  apply: (d, { operatorId }, ctx) => {
    const lead = ctx.operatorId ? d.get('operator', ctx.operatorId) : undefined;
    if (lead && lead.role !== 'lead')
      return refuse(
        'role-required',
        `Only a lead can unlock a badge; ${lead.name} is a ${lead.role}.`,
      );
    const operator = d.get('operator', operatorId);
    if (!operator) return refuse('operator-unknown', 'That operator is not known to the server.');
    if (!isLocked(attemptsOf(operator), Date.parse(ctx.at)))
      return refuse(
        'not-locked',
        `${operator.name} is not locked out: they can sign in with their PIN.`,
      );
    setAttempts(d, operator, NO_ATTEMPTS);
    return accepted;
  },
});
