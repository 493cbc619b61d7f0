import { z } from 'zod';
import { IdSchema, PositiveQuantitySchema } from './common';

// Picked stock of a line the customer cancelled: put it back at this location.
export const ReturnInstructionSchema = z.object({
  id: IdSchema,
  backorderLineId: IdSchema,
  locationId: IdSchema,
  skuId: IdSchema,
  qty: PositiveQuantitySchema,
  status: z.enum(['open', 'done']),
});
export type ReturnInstruction = z.infer<typeof ReturnInstructionSchema>;
