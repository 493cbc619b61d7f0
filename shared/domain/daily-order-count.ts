import { z } from 'zod';
import { DateSchema, QuantitySchema } from './common';

// Orders and lines placed on a day, and how many lines went to backorder (for the fill-rate KPI).
export const DailyOrderCountSchema = z.object({
  id: DateSchema,
  ordersPlaced: QuantitySchema,
  linesPlaced: QuantitySchema,
  linesBackordered: QuantitySchema,
});
export type DailyOrderCount = z.infer<typeof DailyOrderCountSchema>;
