import { z } from 'zod';
import { IdSchema, int4, LengthMSchema, text } from './common';

export const LocationSchema = z.object({
  id: IdSchema,
  code: text(1, 50),
  zone: text(1, 50),
  aisle: int4(1),
  positionM: LengthMSchema,
  level: int4(0),
  side: z.enum(['left', 'right']),
  // Set after a short pick: allocation takes no stock from here until someone counts it.
  countRequired: z.boolean(),
});
export type Location = z.infer<typeof LocationSchema>;
