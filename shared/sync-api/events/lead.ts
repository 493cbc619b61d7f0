import { z } from 'zod';
import { FloorSettingsSchema, PriorityRuleListSchema } from '../../domain/floor-settings';
import { IdSchema, int4, LengthMSchema, PositiveQuantitySchema, text } from '../../domain/common';

// What a shift lead does. Each type needs the operator to hold the lead role.

export const BackorderLineHeldSchema = z.strictObject({
  backorderLineId: IdSchema,
  reason: text(1, 200),
});

export const BackorderLineReleasedSchema = z.strictObject({ backorderLineId: IdSchema });

// Stock at locations held for lines. Applied line by line: a line whose stock went elsewhere
// meanwhile is refused on its own, and the rest is reserved.
export const AllocationLineSchema = z.strictObject({
  backorderLineId: IdSchema,
  reservations: z
    .array(z.strictObject({ locationId: IdSchema, qty: PositiveQuantitySchema }))
    .min(1)
    .max(20),
});
export const AllocationCommittedSchema = z.strictObject({
  lines: z.array(AllocationLineSchema).min(1).max(2000),
});

export const WaveTaskSchema = z.strictObject({
  pickTaskId: IdSchema,
  backorderLineId: IdSchema,
  locationId: IdSchema,
  qty: PositiveQuantitySchema,
  sequence: int4(0),
  toteSlot: int4(0).max(99),
});

export const WaveTourSchema = z.strictObject({
  tourId: IdSchema,
  sequence: int4(0),
  routeLengthM: LengthMSchema,
  tasks: z.array(WaveTaskSchema).min(1).max(500),
});

// A wave with its tours and pick tasks in route order. `allocation` reserves the stock in the
// same event when it was not committed before; then the wave is all or nothing.
export const WaveReleasedSchema = z.strictObject({
  waveId: IdSchema,
  name: text(1, 200),
  allocation: z.array(AllocationLineSchema).max(2000).optional(),
  tours: z.array(WaveTourSchema).min(1).max(200),
});

// `releaseStock`: the wave's reservations are released too, so its lines are planned again from
// the free stock by the rules in force. Absent (as in events recorded before it existed), the
// stock stays reserved for the same lines, out of any wave, and the next plan waves them first.
export const WaveCancelledSchema = z.strictObject({
  waveId: IdSchema,
  releaseStock: z.boolean().optional(),
});

export const TourAssignedSchema = z.strictObject({ tourId: IdSchema, pickerId: IdSchema });

// A tour taken back from the picker who holds it, before they start it: offered to pickers again.
export const TourUnassignedSchema = z.strictObject({ tourId: IdSchema });

// A held tour handed to another picker; a started one goes on with its cart, the rest of its
// tasks now the new picker's.
export const TourReassignedSchema = z.strictObject({ tourId: IdSchema, pickerId: IdSchema });

export type AllocationLine = z.infer<typeof AllocationLineSchema>;
export type AllocationCommitted = z.infer<typeof AllocationCommittedSchema>;
export type WaveReleased = z.infer<typeof WaveReleasedSchema>;

// A lead changes how the floor runs (shared/domain/floor-settings.ts): only the fields named.
export const FloorSettingsChangedSchema = z
  .strictObject({
    priorityRules: PriorityRuleListSchema.optional(),
    oneTourPerPicker: z.boolean().optional(),
    pickRatePerHour: FloorSettingsSchema.shape.pickRatePerHour.optional(),
    stallMinutes: FloorSettingsSchema.shape.stallMinutes.optional(),
    locationCheckDigits: z.boolean().optional(),
  })
  .refine((s) => Object.keys(s).length > 0, { message: 'changes nothing: name a setting' });
