import { z } from 'zod';
import { IdSchema, int4, LengthMSchema } from './common';

export const TourSchema = z.object({
  id: IdSchema,
  waveId: IdSchema,
  // Order of the tour within its wave, for "next tour".
  sequence: int4(0),
  status: z.enum([
    'released',
    'assigned',
    'claimed',
    'picking',
    'completed',
    'dropped',
    'cancelled',
  ]),
  pickerId: IdSchema.nullable(),
  routeLengthM: LengthMSchema,
});
export type Tour = z.infer<typeof TourSchema>;
