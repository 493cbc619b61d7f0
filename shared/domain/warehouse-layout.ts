import { z } from 'zod';
import { IdSchema, int4, LengthMSchema, text } from './common';

// Parallel aisles, numbered from 1, crossed by cross aisles at the listed positions along them
// (0 is the front, aisleLengthM the back); n cross aisles make n - 1 blocks. The depot sits on
// a cross aisle, at an aisle.
export const WarehouseLayoutSchema = z.object({
  id: IdSchema,
  name: text(1, 200),
  aisleCount: int4(1).max(1000),
  aisleLengthM: LengthMSchema,
  aisleSpacingM: LengthMSchema,
  crossAislesM: z.array(LengthMSchema).min(2),
  depotAisle: int4(1),
  depotCrossAisleM: LengthMSchema,
});
export type WarehouseLayout = z.infer<typeof WarehouseLayoutSchema>;
