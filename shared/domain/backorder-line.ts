import { z } from 'zod';
import { IdSchema, int4, QuantitySchema, text, TimestampSchema } from './common';

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
  lineNo: int4(1),
  skuId: IdSchema,
  customerId: IdSchema,
  // 1 is the most important customer.
  customerTier: int4(1).max(9),
  orderedAt: TimestampSchema,
  promisedBy: TimestampSchema,
  shipComplete: z.boolean(),
  carrier: text(0, 50).nullable(),
  cutoffAt: TimestampSchema.nullable(),
  qtyOrdered: QuantitySchema,
  qtyBackordered: QuantitySchema,
  qtyAllocated: QuantitySchema,
  qtyPicked: QuantitySchema,
  qtyShort: QuantitySchema,
  qtyShipped: QuantitySchema,
  // Units the customer cancelled (shared/rules/line-quantities.ts). Absent from rows recorded
  // before it was kept (migration 009 rewrote the cancelled ones).
  qtyCancelled: QuantitySchema.default(0),
  status: BackorderLineStatusSchema,
});
export type BackorderLine = z.infer<typeof BackorderLineSchema>;
