import type { Location } from '../../../shared/domain/location';
import { db } from '../db';

// Every location on this station, in the order a person reads codes (A2 before A10), for the
// lead's printed sheet of location check digits.
export const loadLocations = async (): Promise<Location[]> =>
  ((await db.locations.toArray()) as unknown as Location[]).sort((a, b) =>
    a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
