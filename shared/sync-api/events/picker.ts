import { z } from 'zod';
import {
  DateSchema,
  IdSchema,
  int4,
  PositiveQuantitySchema,
  QuantitySchema,
  text,
} from '../../domain/common';

// What a picker does on the floor. Each type needs the operator to hold the picker role.

export const TourClaimedSchema = z.strictObject({ tourId: IdSchema });

export const ToteAssignedSchema = z.strictObject({
  tourId: IdSchema,
  toteCode: text(1, 50),
  slot: int4(0).max(99),
  orderId: IdSchema,
});

export const ENTRY_KINDS = ['scan', 'typed'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const PickConfirmedSchema = z.strictObject({
  pickTaskId: IdSchema,
  qty: PositiveQuantitySchema,
  toteCode: text(1, 50),
  // Read from a GS1 label, when it carries them.
  lot: text(1, 20).optional(),
  serial: text(1, 20).optional(),
  expiry: DateSchema.optional(),
  // How the item was found: its barcode scanned, or a code typed in (a damaged label, or a count
  // keyed with no item scanned). Absent from events recorded before it was kept.
  entry: z.enum(ENTRY_KINDS).optional(),
});

export const SHORT_PICK_REASONS = ['not-found', 'damaged', 'wrong-item'] as const;
export const ShortPickReportedSchema = z.strictObject({
  pickTaskId: IdSchema,
  // Found and put in the tote now (may be 0); the rest of the task was not there.
  foundQty: QuantitySchema,
  toteCode: text(1, 50).optional(),
  reason: z.enum(SHORT_PICK_REASONS),
});

// Takes back the operator's last pick of a tour (the pick.confirmed event's id).
export const PickUndoneSchema = z.strictObject({ pickId: IdSchema });

export const TourCompletedSchema = z.strictObject({ tourId: IdSchema });

export const TotesDroppedSchema = z.strictObject({
  tourId: IdSchema,
  packStation: text(1, 50),
});

export const LocationCountedSchema = z.strictObject({
  locationId: IdSchema,
  skuId: IdSchema,
  qty: QuantitySchema,
});
