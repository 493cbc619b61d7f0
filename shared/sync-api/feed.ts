import { z } from 'zod';
import { BackorderLineStatusSchema } from '../domain/backorder-line';
import { DateSchema, IdSchema } from '../domain/common';
import { EventRecordSchema } from '../domain/event-record';

export const FeedQuerySchema = z.strictObject({
  after: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

// Where an order stands now, for the OMS: its backorder status and, once a wave holding it is
// released, the date it is expected to ship.
export const OrderStandingSchema = z.object({
  orderId: IdSchema,
  status: BackorderLineStatusSchema,
  lines: z.array(
    z.object({
      id: IdSchema,
      status: BackorderLineStatusSchema,
      qtyBackordered: z.number(),
      qtyShipped: z.number(),
    }),
  ),
  expectedShipDate: DateSchema.nullable(),
});
export type OrderStanding = z.infer<typeof OrderStandingSchema>;

export const FeedPageSchema = z.object({
  checkpoint: z.string(),
  hasMore: z.boolean(),
  events: z.array(z.object({ event: EventRecordSchema, orders: z.array(OrderStandingSchema) })),
});
export type FeedPage = z.infer<typeof FeedPageSchema>;
