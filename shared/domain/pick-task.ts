import { z } from 'zod';
import { IdSchema, int4, PositiveQuantitySchema, QuantitySchema } from './common';

// One stop of a tour. A tour's route is the order of its pick tasks (sequence).
export const PickTaskSchema = z.object({
  id: IdSchema,
  tourId: IdSchema,
  waveId: IdSchema,
  backorderLineId: IdSchema,
  orderId: IdSchema,
  locationId: IdSchema,
  skuId: IdSchema,
  qty: PositiveQuantitySchema,
  sequence: int4(0),
  toteSlot: int4(0),
  status: z.enum(['open', 'picked', 'short', 'cancelled']),
  pickedQty: QuantitySchema,
  shortQty: QuantitySchema,
});
export type PickTask = z.infer<typeof PickTaskSchema>;
