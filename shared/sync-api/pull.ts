import { z } from 'zod';
import { ENTITY_NAMES, type EntityName } from '../domain/entities';
import { IdSchema } from '../domain/common';

export const PULL_MAX_LIMIT = 5000;
export const PULL_DEFAULT_LIMIT = 1000;

export const PullQuerySchema = z.strictObject({
  // Absent on a first sync: everything from the start.
  checkpoint: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(PULL_DEFAULT_LIMIT),
  // Only the accepted events of the last N days (the rest of the state is always whole).
  eventDays: z.coerce.number().int().min(0).max(3650).optional(),
});
export type PullQuery = z.infer<typeof PullQuerySchema>;

// The query's fields in words, for a refused pull (shared/say-issues.ts).
export const PULL_FIELD_WORDS = {
  checkpoint: 'the place to sync from',
  limit: 'the number of changes asked for',
  eventDays: 'the days of events asked for',
} as const;

// One change: the row as it now is, or null when it was removed (a tombstone). Rows are checked
// against their entity's schema by the device, which quarantines a bad one and applies the rest.
export const ChangeSchema = z.object({
  entity: z.enum(ENTITY_NAMES as [EntityName, ...EntityName[]]),
  id: IdSchema,
  row: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof ChangeSchema>;

export const PullPageSchema = z.object({
  checkpoint: z.string(),
  hasMore: z.boolean(),
  changes: z.array(ChangeSchema),
  // The warehouse's time zone (IANA name), so the device dates its events as the server will;
  // absent from servers before business time (then UTC).
  timeZone: z.string().max(100).optional(),
});
export type PullPage = z.infer<typeof PullPageSchema>;
