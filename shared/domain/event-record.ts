import { z } from 'zod';
import { IdSchema, text, TimestampSchema } from './common';

// An accepted event as devices receive it in a pull: a line's history and the KPIs' input.
export const EventRecordSchema = z.object({
  id: IdSchema,
  type: text(1, 100),
  source: z.enum(['device', 'server', 'admin']),
  deviceId: IdSchema.nullable(),
  operatorId: IdSchema.nullable(),
  at: TimestampSchema,
  receivedAt: TimestampSchema,
  payload: z.unknown(),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;
