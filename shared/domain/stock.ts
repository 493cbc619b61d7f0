import { z } from 'zod';
import { IdSchema, QuantitySchema } from './common';

// Stock of one SKU at one location; id is `${locationId}|${skuId}`.
export const StockSchema = z.object({
  id: IdSchema,
  locationId: IdSchema,
  skuId: IdSchema,
  onHand: QuantitySchema,
  // Held by reservations for allocated lines; never more than onHand.
  reserved: QuantitySchema,
});
export type Stock = z.infer<typeof StockSchema>;

export const stockId = (locationId: string, skuId: string) => `${locationId}|${skuId}`;
