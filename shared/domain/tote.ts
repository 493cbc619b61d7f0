import { z } from 'zod';
import { IdSchema } from './common';

// A tote on a tour's cart: one order per tote. id is `${tourId}|${toteCode}`.
export const ToteSchema = z.object({
  id: IdSchema,
  tourId: IdSchema,
  toteCode: z.string().min(1).max(50),
  slot: z.number().int().min(0),
  orderId: IdSchema,
  status: z.enum(['picking', 'dropped', 'shipped']),
  packStation: z.string().nullable(),
});
export type Tote = z.infer<typeof ToteSchema>;
