import { z } from 'zod';
import { PRIORITY_RULES } from '../engines/allocation/priority';
import { int4 } from './common';

export const FLOOR_SETTINGS_ID = 'warehouse';

// One of the lead's priority rules, in the order the lead put them, switched on or off.
export const PriorityRuleSettingSchema = z.strictObject({
  rule: z.enum(PRIORITY_RULES),
  on: z.boolean(),
});

export const PriorityRuleListSchema = z
  .array(PriorityRuleSettingSchema)
  .min(1)
  .max(PRIORITY_RULES.length)
  .refine((list) => new Set(list.map((r) => r.rule)).size === list.length, {
    message: 'names a rule twice',
  });

// How this warehouse's floor runs, the same on every station: one row, changed by a lead's
// `floor-settings.changed`. Until a lead changes it, DEFAULT_FLOOR_SETTINGS holds.
export const FloorSettingsSchema = z.object({
  id: z.literal(FLOOR_SETTINGS_ID),
  priorityRules: PriorityRuleListSchema,
  // A picker holds one tour at a time (finish or drop it before claiming another).
  oneTourPerPicker: z.boolean(),
  // Lines a picker picks in an hour at the shelves: with the route walked at cart speed
  // (shared/floor/progress.ts), what a tour's expected time comes from.
  pickRatePerHour: int4(1).max(10_000),
  // Minutes without a pick before a tour is flagged on the lead's floor view.
  stallMinutes: int4(1).max(480),
  // A location typed by hand (a damaged label) needs its two check digits, read off the label
  // (shared/scan/location-check.ts): proof the picker is at the shelf. A row from before the
  // setting existed reads as off.
  locationCheckDigits: z.boolean().default(false),
  // Who keeps this site's stock figures (docs/oms.md): with 'oms', the shop's system named by
  // omsName does, and receipts and counts are made there, not on a device. Set by the server's
  // OMS connector at its start (oms.stock-owner-set), never by a lead. Rows from before read as
  // Fillwave's.
  stockOwner: z.enum(['fillwave', 'oms']).default('fillwave'),
  omsName: z.string().min(1).max(50).nullable().default(null),
});
export type FloorSettings = z.infer<typeof FloorSettingsSchema>;

export const DEFAULT_FLOOR_SETTINGS: FloorSettings = {
  id: FLOOR_SETTINGS_ID,
  priorityRules: PRIORITY_RULES.map((rule) => ({ rule, on: true })),
  oneTourPerPicker: true,
  pickRatePerHour: 60,
  stallMinutes: 10,
  locationCheckDigits: false,
  stockOwner: 'fillwave',
  omsName: null,
};

// The rules the allocation engine applies, in order: the ones switched on. A rule added to the
// engine after the lead saved their list is applied after theirs, so no line loses its place.
export const activePriority = (s: FloorSettings) => [
  ...s.priorityRules.filter((r) => r.on).map((r) => r.rule),
  ...PRIORITY_RULES.filter((rule) => !s.priorityRules.some((r) => r.rule === rule)),
];
