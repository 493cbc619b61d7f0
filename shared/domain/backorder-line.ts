import { z } from 'zod';
import { IdSchema, QuantitySchema, TimestampSchema } from './common';

export const BACKORDER_LINE_STATUSES = [
  'open',
  'held',
  'allocated',
  'in_wave',
  'picked',
  'packed',
  'shipped',
  'cancelled',
] as const;
export const BackorderLineStatusSchema = z.enum(BACKORDER_LINE_STATUSES);
export type BackorderLineStatus = z.infer<typeof BackorderLineStatusSchema>;

export const BackorderLineSchema = z.object({
  id: IdSchema,
  orderId: IdSchema,
  lineNo: z.number().int().min(1),
  skuId: IdSchema,
  customerId: IdSchema,
  // 1 is the most important customer.
  customerTier: z.number().int().min(1).max(9),
  orderedAt: TimestampSchema,
  promisedBy: TimestampSchema,
  shipComplete: z.boolean(),
  carrier: z.string().max(50).nullable(),
  cutoffAt: TimestampSchema.nullable(),
  qtyOrdered: QuantitySchema,
  qtyBackordered: QuantitySchema,
  qtyAllocated: QuantitySchema,
  qtyPicked: QuantitySchema,
  qtyShort: QuantitySchema,
  qtyShipped: QuantitySchema,
  status: BackorderLineStatusSchema,
});
export type BackorderLine = z.infer<typeof BackorderLineSchema>;
