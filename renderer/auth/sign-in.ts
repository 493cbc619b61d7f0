import {
  afterAttempt,
  isLocked,
  lockMessage,
  NO_ATTEMPTS,
  type PinAttempts,
} from '../../shared/auth/pin-lock';
import { roleRefusal } from '../../shared/auth/roles';
import { unknownBadgeAdvice } from '../../shared/auth/unknown-badge';
import { fail, ok, type Result } from '../../shared/result';
import { db } from '../db/db';
import { findOperatorByBadge } from '../db/tables/operators';
import { KEYS, readState, writeState } from '../sync/sync-state';
import type { SignedIn } from '../stores/session-slice';
import { checkPin } from './check-pin';
import { deviceRoles } from './device-roles';

// Badge and PIN against the synced operator record, with the five-wrong-PINs lock kept per
// operator on this device (so a reload does not reset it).
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
  const key = `pin:${operator.id}`;
  const attempts = (await readState<PinAttempts>(db, key)) ?? NO_ATTEMPTS;
  if (isLocked(attempts, nowMs)) return fail(lockMessage(attempts, nowMs));
  const right = await checkPin(operator, pin);
  const next = afterAttempt(attempts, right, nowMs);
  await writeState(db, key, next);
  if (!right) return fail(isLocked(next, nowMs) ? lockMessage(next, nowMs) : 'Wrong PIN.');
  return ok({ id: operator.id, name: operator.name, role: operator.role });
};
