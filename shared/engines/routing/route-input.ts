import { z } from 'zod';
import { ROUTE_METHODS } from './route';

// `npm run plan -- route` reads this (docs/planning.md): aisles numbered from 0, positions in
// metres from the front.
export const RouteInputSchema = z.strictObject({
  layout: z.strictObject({
    aisles: z.number().int().min(1).max(1000),
    aisleLength: z.number().positive(),
    aisleSpacing: z.number().positive(),
    crossAisles: z.array(z.number().min(0)).min(2),
    depot: z.strictObject({ aisle: z.number().int().min(0), position: z.number().min(0) }),
  }),
  picks: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        aisle: z.number().int().min(0),
        position: z.number().min(0),
      }),
    )
    .max(10_000),
  method: z.enum(ROUTE_METHODS).default('optimal'),
});
export type RouteInput = z.infer<typeof RouteInputSchema>;
