import { z } from 'zod';
import { IdSchema, PositiveQuantitySchema } from '../../domain/common';

// More of one SKU at one location than one receipt line takes: a slip of the keys (an extra zero,
// a barcode scanned into the quantity), not a delivery. A bigger delivery is received in parts.
export const RECEIPT_LINE_MAX_QTY = 100_000;
export const RECEIPT_MAX_LINES = 200;

// Stock a lead received at the dock and put at a location, optionally against an expected
// receipt the OMS announced. Needs the lead role. (oms.stock-received is the OMS's own receipt,
// recorded by the server; this is the warehouse's.)
export const StockReceivedByLeadSchema = z.strictObject({
  receiptId: IdSchema,
  lines: z
    .array(
      z.strictObject({
        skuId: IdSchema,
        locationId: IdSchema,
        qty: PositiveQuantitySchema.max(RECEIPT_LINE_MAX_QTY, {
          error: `is more than ${RECEIPT_LINE_MAX_QTY.toLocaleString('en')}: receive a bigger delivery in parts`,
        }),
      }),
    )
    .min(1)
    .max(RECEIPT_MAX_LINES),
  expectedReceiptId: IdSchema.optional(),
});
export type StockReceivedByLead = z.infer<typeof StockReceivedByLeadSchema>;
