import { z } from 'zod';
import { IdSchema, PositiveQuantitySchema, text } from './common';

// A barcode and how many eaches one scan of it stands for: 1 for an each, 12 for a case of 12.
export const BarcodeSchema = z.object({
  code: text(1, 100),
  kind: z.enum(['each', 'inner', 'case']),
  units: PositiveQuantitySchema,
});
export type Barcode = z.infer<typeof BarcodeSchema>;

export const SkuSchema = z.object({
  id: IdSchema,
  sku: text(1, 100),
  description: text(0, 500),
  unit: text(1, 20),
  weightKg: z.number().min(0),
  volumeL: z.number().min(0),
  barcodes: z.array(BarcodeSchema).max(50),
});
export type Sku = z.infer<typeof SkuSchema>;
