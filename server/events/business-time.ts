import { canonicalTimeZone, DEFAULT_TIME_ZONE } from '../../shared/time/time-zone';
import type { Queryable } from '../db/db';

// The warehouse's time zone now: UTC until an admin sets one (admin.time-zone-set). A zone this
// runtime cannot use (set by an instance with a newer time zone database) reads as UTC rather
// than failing every push; the admin sees the zone in use in the answer to GET time-zone.
export const readTimeZone = async (q: Queryable): Promise<string> => {
  const [row] = await q.query<{ time_zone: string }>(
    "SELECT time_zone FROM warehouse_settings WHERE id = 'warehouse'",
  );
  return (row && canonicalTimeZone(row.time_zone)) ?? DEFAULT_TIME_ZONE;
};
