import { z } from 'zod';
import { IdSchema, int4, PositiveQuantitySchema, TimestampSchema } from './common';

// What left the dock for one order. Each line records how long it was backordered (from
// ordered to shipped, by the server's clock) for the KPIs.
export const ShipmentSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  carrier: z.string(),
  service: z.string(),
  trackingNumber: z.string(),
  weightKg: z.number(),
  parcels: int4(),
  shippedAt: TimestampSchema,
  shippedBy: IdSchema,
  lines: z.array(
    z.object({
      backorderLineId: IdSchema,
      qty: PositiveQuantitySchema,
      backorderSeconds: int4(0),
    }),
  ),
});
export type Shipment = z.infer<typeof ShipmentSchema>;
