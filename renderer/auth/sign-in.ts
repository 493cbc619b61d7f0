import { isLocked, lockMessage } from '../../shared/auth/pin-lock';
import { roleRefusal } from '../../shared/auth/roles';
import { unknownBadgeAdvice } from '../../shared/auth/unknown-badge';
import { fail, ok, type Result } from '../../shared/result';
import { db } from '../db/db';
import { findOperatorByBadge } from '../db/tables/operators';
import { KEYS, readState } from '../sync/sync-state';
import type { SignedIn } from '../stores/session-slice';
import { checkPin } from './check-pin';
import { deviceRoles } from './device-roles';
import { recordAttempt, shownAttempts } from './pin-attempts';

// Badge and PIN against the synced operator record, with the five-wrong-PINs lock counted on it
// by the server from every device, and this device's own count laid over (pin-attempts.ts).
export const signInWithPin = async (
  badge: string,
  pin: string,
  nowMs: number,
): Promise<Result<SignedIn>> => {
  const operator = await findOperatorByBadge(badge);
  if (!operator)
    return fail(
      unknownBadgeAdvice(badge, {
        synced: Boolean(await readState<string>(db, KEYS.lastSync)),
        operators: await db.operators.count(),
      }),
    );
  if (!operator.active) return fail(`${operator.name} is deactivated. Ask a lead.`);
  // Before the PIN: this device holds no PIN record for the roles it may not sign in.
  const refusal = roleRefusal(operator, await deviceRoles(db));
  if (refusal) return fail(refusal);
  const attempts = await shownAttempts(db, operator.id);
  if (isLocked(attempts, nowMs)) return fail(lockMessage(attempts, nowMs));
  const right = await checkPin(operator, pin);
  const next = await recordAttempt(db, operator.id, attempts, right, nowMs);
  if (!right) return fail(isLocked(next, nowMs) ? lockMessage(next, nowMs) : 'Wrong PIN.');
  return ok({ id: operator.id, name: operator.name, role: operator.role });
};
