import { z } from 'zod';

// A picking cart: one order per tote, and what the whole cart may carry.
export const CartSchema = z.strictObject({
  totes: z.number().int().min(1).max(99),
  maxUnits: z.number().int().min(1),
  maxWeightKg: z.number().positive(),
});
export type Cart = z.infer<typeof CartSchema>;
