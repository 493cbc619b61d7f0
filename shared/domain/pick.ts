import { z } from 'zod';
import { DateSchema, IdSchema, PositiveQuantitySchema, TimestampSchema } from './common';

// What a confirmed pick put into a tote (id is the pick.confirmed event's id).
export const PickSchema = z.object({
  id: IdSchema,
  pickTaskId: IdSchema,
  tourId: IdSchema,
  backorderLineId: IdSchema,
  locationId: IdSchema,
  skuId: IdSchema,
  toteCode: z.string(),
  qty: PositiveQuantitySchema,
  lot: z.string().nullable(),
  serial: z.string().nullable(),
  expiry: DateSchema.nullable(),
  pickedBy: IdSchema,
  pickedAt: TimestampSchema,
  undone: z.boolean(),
});
export type Pick = z.infer<typeof PickSchema>;
