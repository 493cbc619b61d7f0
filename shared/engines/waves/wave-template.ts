import { z } from 'zod';

// What the lead sets for a wave. Every bound holds for every wave built from it.
export const WaveTemplateSchema = z.strictObject({
  maxOrders: z.number().int().min(1),
  maxLines: z.number().int().min(1),
  maxUnits: z.number().int().min(1),
  maxWeightKg: z.number().positive(),
  maxVolumeL: z.number().positive(),
  // Only lines picked from these zones; null takes every zone.
  zones: z.array(z.string().min(1)).min(1).nullable().default(null),
});
export type WaveTemplate = z.infer<typeof WaveTemplateSchema>;
