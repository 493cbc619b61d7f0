import { z } from 'zod';
import { IdSchema, PositiveQuantitySchema } from './common';

// Stock at a location held for an allocated backorder line.
export const ReservationSchema = z.object({
  id: IdSchema,
  backorderLineId: IdSchema,
  locationId: IdSchema,
  skuId: IdSchema,
  qty: PositiveQuantitySchema,
  waveId: IdSchema.nullable(),
});
export type Reservation = z.infer<typeof ReservationSchema>;
