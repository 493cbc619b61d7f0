import { z } from 'zod';
import { IdSchema, PositiveQuantitySchema, TimestampSchema } from './common';

// Stock the OMS expects to arrive: lets the lead tell a customer when a backorder may fill.
export const ExpectedReceiptSchema = z.object({
  id: IdSchema,
  skuId: IdSchema,
  qty: PositiveQuantitySchema,
  expectedAt: TimestampSchema,
});
export type ExpectedReceipt = z.infer<typeof ExpectedReceiptSchema>;
