import { z } from 'zod';
import { IdSchema, LengthMSchema } from './common';

export const LocationSchema = z.object({
  id: IdSchema,
  code: z.string().min(1).max(50),
  zone: z.string().min(1).max(50),
  aisle: z.number().int().min(1),
  positionM: LengthMSchema,
  level: z.number().int().min(0),
  side: z.enum(['left', 'right']),
  // Set after a short pick: allocation takes no stock from here until someone counts it.
  countRequired: z.boolean(),
});
export type Location = z.infer<typeof LocationSchema>;
