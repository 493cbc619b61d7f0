import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { sayIssues } from '../say-issues';

// How this pack station verifies a tote: by scanning each item (the default: a wrong item shows
// at once), or by confirming each line's count (items with no readable barcode). The station's
// code, when set, puts the totes dropped at it first.
export const PackStationSettingsSchema = z.strictObject({
  verify: z.enum(['scan', 'count'], { error: 'must be scanning each item or confirming counts' }),
  station: z.string().trim().max(50, 'is too long: at most 50 characters').default(''),
});
export type PackStationSettings = z.infer<typeof PackStationSettingsSchema>;

export const DEFAULT_PACK_SETTINGS: PackStationSettings = { verify: 'scan', station: '' };

const WORDS = {
  verify: 'how items are verified',
  station: "the station's code",
  '': 'the settings',
};

export const parsePackSettings = (input: unknown): Result<PackStationSettings> => {
  const parsed = PackStationSettingsSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(sayIssues(parsed.error, WORDS));
};
