import { z } from 'zod';
import { IdSchema, int4, PositiveQuantitySchema, text } from '../../domain/common';

// What a packer does at the dock. Each type needs the operator to hold the packer role.

export const ShipmentConfirmedSchema = z.strictObject({
  shipmentId: IdSchema,
  orderId: IdSchema,
  lines: z
    .array(z.strictObject({ backorderLineId: IdSchema, qty: PositiveQuantitySchema }))
    .min(1)
    .max(500),
  carrier: text(1, 50),
  service: text(1, 50),
  trackingNumber: text(1, 100),
  weightKg: z.number().positive().max(100_000),
  parcels: int4(1).max(1000),
});

export const SHIPMENT_REMOVAL_REASONS = ['damaged', 'wrong-item'] as const;
export const ShipmentItemRemovedSchema = z.strictObject({
  backorderLineId: IdSchema,
  qty: PositiveQuantitySchema,
  reason: z.enum(SHIPMENT_REMOVAL_REASONS),
});

export const StockReturnedSchema = z.strictObject({
  locationId: IdSchema,
  skuId: IdSchema,
  qty: PositiveQuantitySchema,
  // The instruction this return carries out, when a cancelled line's picked stock goes back.
  returnInstructionId: IdSchema.optional(),
});
