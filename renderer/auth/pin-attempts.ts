import { afterAttempt, attemptsOf, type PinAttempts } from '../../shared/auth/pin-lock';
import type { Operator } from '../../shared/domain/operator';
import { act } from '../actions/act';
import type { FillwaveDb } from '../db/fillwave-db';
import { computePendingView, withPending } from '../sync/pending-view';

// An operator's PIN attempts as this device shows them: the server's count from every device (the
// pulled record) with this device's own waiting wrong PINs laid over, so a device offline still
// locks on its own count, and a lead's unlock is here from the next pull.
export const shownAttempts = async (db: FillwaveDb, operatorId: string): Promise<PinAttempts> =>
  db.transaction('r', db.tables, async () => {
    const pulled = (await db.operators.get(operatorId)) as Operator | undefined;
    const view = await computePendingView(db);
    return attemptsOf(withPending('operator', pulled ? [pulled] : [], view)[0]);
  });

// Tells the server about a PIN typed for this operator: every wrong one, and a right one that ends
// a run of wrong ones. Answers the attempts as they stand after it.
export const recordAttempt = async (
  db: FillwaveDb,
  operatorId: string,
  before: PinAttempts,
  right: boolean,
  nowMs: number,
): Promise<PinAttempts> => {
  const next = afterAttempt(before, right, nowMs);
  if (right && before.wrongInARow === 0 && before.lockedUntil === null) return next;
  // Recorded as the badge's operator: the server counts it on their record. Should the outbox
  // refuse it (a clock set outside 2000-2099), the attempt still counts on this screen.
  await act(
    db,
    right ? 'operator.pin-accepted' : 'operator.pin-refused',
    {},
    {
      operatorId,
      now: () => new Date(nowMs),
      newId: () => crypto.randomUUID(),
    },
  );
  return next;
};
