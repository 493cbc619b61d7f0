import type { OperatorRole } from '../../shared/domain/operator';
import type { Queryable } from '../db/db';

export interface HeldPinRecord {
  id: string;
  badge: string;
  name: string;
  role: OperatorRole;
}

// The operators whose PIN records a device was sent: every operator with a PIN whose role the
// device may sign in (deactivated ones too: a lead can activate them again). Taken from the
// device's roles as they are now, which is what its pulls have carried since they were set.
export const pinRecordsHeldBy = (q: Queryable, deviceId: string): Promise<HeldPinRecord[]> =>
  q.query<HeldPinRecord>(
    `SELECT o.id, o.badge, o.name, o.role FROM operators o JOIN devices d ON o.role = ANY (d.roles)
      WHERE d.id = $1 AND o.pin_hash IS NOT NULL
      ORDER BY o.badge, o.id`,
    [deviceId],
  );
