import { z } from 'zod';
import { BackorderLineStatusSchema } from '../domain/backorder-line';
import { DateSchema, IdSchema, TimestampSchema } from '../domain/common';
import { EventRecordSchema } from '../domain/event-record';
import { ReturnInstructionSchema } from '../domain/return-instruction';
import { ShipmentSchema } from '../domain/shipment';

export const FeedQuerySchema = z.strictObject({
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

// One shipment's part of a line: how many units and how long they waited (ordered to shipped).
const LineShipmentSchema = z.object({
  shipmentId: IdSchema,
  qty: z.number(),
  backorderSeconds: z.number(),
});

// Where an order stands now, for the OMS: its backorder status, what is still owed and, once a
// wave holding it is released, the date it is expected to ship. Fields after `expectedShipDate`
// came with shipping (issue 14); a reader that ignores unknown fields reads the feed as before.
export const OrderStandingSchema = z.object({
  orderId: IdSchema,
  status: BackorderLineStatusSchema,
  lines: z.array(
    z.object({
      id: IdSchema,
      status: BackorderLineStatusSchema,
      qtyBackordered: z.number(),
      qtyShipped: z.number(),
      qtyCancelled: z.number(),
      // Still owed to the customer: backordered − shipped − cancelled.
      owed: z.number(),
      shipments: z.array(LineShipmentSchema),
      // Ordered → the shipment that completed the line; null while units are owed or none shipped.
      backorderSeconds: z.number().nullable(),
    }),
  ),
  expectedShipDate: DateSchema.nullable(),
  owed: z.number(),
  lastShippedAt: TimestampSchema.nullable(),
  // The earliest line's order time → the last shipment, once nothing is owed and something
  // shipped (an order cancelled whole has none).
  backorderSeconds: z.number().nullable(),
});
export type OrderStanding = z.infer<typeof OrderStandingSchema>;

export const FeedEntrySchema = z.object({
  event: EventRecordSchema,
  orders: z.array(OrderStandingSchema),
  // shipment.confirmed: what left the dock (lines, carrier, tracking, weight, parcels).
  shipment: ShipmentSchema.optional(),
  // stock.returned carrying out a return instruction: the line and order the units came back from.
  returnInstruction: ReturnInstructionSchema.extend({ orderId: IdSchema }).optional(),
});
export type FeedEntry = z.infer<typeof FeedEntrySchema>;

export const FeedPageSchema = z.object({
  checkpoint: z.string(),
  hasMore: z.boolean(),
  events: z.array(FeedEntrySchema),
});
export type FeedPage = z.infer<typeof FeedPageSchema>;
