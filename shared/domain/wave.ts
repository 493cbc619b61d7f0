import { z } from 'zod';
import { IdSchema, text, TimestampSchema } from './common';

export const WaveSchema = z.object({
  id: IdSchema,
  name: text(0, 200),
  status: z.enum(['released', 'picking', 'done', 'cancelled']),
  releasedAt: TimestampSchema,
  releasedBy: IdSchema.nullable(),
});
export type Wave = z.infer<typeof WaveSchema>;
