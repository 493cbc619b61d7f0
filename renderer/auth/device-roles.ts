import { ALL_ROLES, sameRoles } from '../../shared/auth/roles';
import type { OperatorRole } from '../../shared/domain/operator';
import type { FillwaveDb } from '../db/fillwave-db';
import { KEYS, readState, type DeviceIdentity } from '../sync/sync-state';

// The roles this device may sign in, as its enrollment gave them. A device enrolled before
// roles existed (or by a server that has none) signs in every role, as it did.
export const deviceRoles = async (db: FillwaveDb): Promise<readonly OperatorRole[]> =>
  (await readState<DeviceIdentity>(db, KEYS.identity))?.roles ?? ALL_ROLES;

// After an enrollment that changed the device's roles: the PIN records of roles it may no longer
// sign in go now (not at some later pull), and the next pull starts over, because the records of
// roles it gained were sent to it without PINs and will not change by themselves.
export const adoptRoles = async (
  db: FillwaveDb,
  before: readonly OperatorRole[],
  after: readonly OperatorRole[],
): Promise<void> => {
  if (sameRoles(before, after)) return;
  await db.transaction('rw', db.operators, db.syncState, async () => {
    await db.operators
      .filter((o) => !after.includes(o.role))
      .modify({ pinHash: null, pinSalt: null, pinIterations: null });
    await db.syncState.delete(KEYS.checkpoint);
  });
};
