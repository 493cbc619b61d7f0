import { z } from 'zod';
import { IdSchema, int4, text } from './common';

// A tote on a tour's cart: one order per tote. id is `${tourId}|${toteCode}`.
export const ToteSchema = z.object({
  id: IdSchema,
  tourId: IdSchema,
  toteCode: text(1, 50),
  slot: int4(0),
  orderId: IdSchema,
  status: z.enum(['picking', 'dropped', 'shipped']),
  packStation: z.string().nullable(),
});
export type Tote = z.infer<typeof ToteSchema>;
