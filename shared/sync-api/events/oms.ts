import { z } from 'zod';
import { BackorderLineSchema } from '../../domain/backorder-line';
import {
  IdSchema,
  int4,
  PositiveQuantitySchema,
  QuantitySchema,
  text,
  TimestampSchema,
} from '../../domain/common';
import { DailyOrderCountSchema } from '../../domain/daily-order-count';
import { LocationSchema } from '../../domain/location';
import { OperatorSchema } from '../../domain/operator';
import { SkuSchema } from '../../domain/sku';
import { WarehouseLayoutSchema } from '../../domain/warehouse-layout';

// The OMS side: events the server records itself (from the admin API, a connector or the demo
// seed). Bulk payloads are capped so one event stays one reasonable transaction.
export const OMS_BULK_MAX = 5000;

export const LayoutDefinedSchema = z.strictObject({
  layout: WarehouseLayoutSchema,
  locations: z.array(LocationSchema.omit({ countRequired: true })).max(OMS_BULK_MAX),
});

export const SkusDefinedSchema = z.strictObject({
  skus: z.array(SkuSchema).min(1).max(OMS_BULK_MAX),
});

export const StockReceivedSchema = z.strictObject({
  receipts: z
    .array(z.strictObject({ locationId: IdSchema, skuId: IdSchema, qty: PositiveQuantitySchema }))
    .min(1)
    .max(OMS_BULK_MAX),
});

export const NewBackorderLineSchema = BackorderLineSchema.omit({
  qtyAllocated: true,
  qtyPicked: true,
  qtyShort: true,
  qtyShipped: true,
  qtyCancelled: true,
  status: true,
}).refine((l) => l.qtyBackordered <= l.qtyOrdered, {
  message: 'qtyBackordered cannot exceed qtyOrdered',
  path: ['qtyBackordered'],
});

export const BackorderLinesAddedSchema = z.strictObject({
  lines: z.array(NewBackorderLineSchema).min(1).max(OMS_BULK_MAX),
});

export const OperatorsDefinedSchema = z.strictObject({
  operators: z.array(OperatorSchema).min(1).max(OMS_BULK_MAX),
});

export const DailyCountsRecordedSchema = z.strictObject({
  days: z.array(DailyOrderCountSchema).min(1).max(OMS_BULK_MAX),
});

export type LayoutDefined = z.infer<typeof LayoutDefinedSchema>;
export type SkusDefined = z.infer<typeof SkusDefinedSchema>;
export type StockReceived = z.infer<typeof StockReceivedSchema>;
export type BackorderLinesAdded = z.infer<typeof BackorderLinesAddedSchema>;
export type OperatorsDefined = z.infer<typeof OperatorsDefinedSchema>;
export type DailyCountsRecorded = z.infer<typeof DailyCountsRecordedSchema>;

// A customer cancelled all of a line, or `qty` units of it (shared/event-rules/cancellation.ts).
export const BackorderLineCancelledSchema = z.strictObject({
  backorderLineId: IdSchema,
  reason: text(1, 200),
  qty: PositiveQuantitySchema.optional(),
});

// The OMS asked to cancel units that have already shipped: recorded so the feed answers it.
export const CancellationRefusedSchema = z.strictObject({
  backorderLineId: IdSchema,
  qty: PositiveQuantitySchema.optional(),
  reason: text(1, 500),
});

export const ExpectedReceiptRecordedSchema = z.strictObject({
  id: IdSchema,
  skuId: IdSchema,
  qty: PositiveQuantitySchema,
  expectedAt: TimestampSchema,
});

// The OMS connector could not carry an event over (the OMS refused it, in its own words): logged
// so a lead sees it in Sync problems and the connector goes on with the next event
// (server/oms/runner.ts). `eventId` is the Fillwave event that was not carried over.
export const OmsExportRefusedSchema = z.strictObject({
  connector: text(1, 50),
  eventId: IdSchema,
  eventType: text(1, 100),
  orderId: IdSchema.nullable(),
  code: text(1, 100),
  message: text(1, 1000),
});
export type OmsExportRefused = z.infer<typeof OmsExportRefusedSchema>;

// Who keeps this site's stock figures (docs/oms.md): the OMS connector records it at its start,
// into the floor settings every device pulls, so a device refuses receipts and counts when the
// OMS (named by omsName) keeps them.
export const StockOwnerSetSchema = z.strictObject({
  stockOwner: z.enum(['fillwave', 'oms']),
  omsName: text(1, 50).nullable(),
});
export type StockOwnerSet = z.infer<typeof StockOwnerSetSchema>;

// The OMS owns the stock and says it holds `omsOnHand` of a SKU, which is `change` units more
// (or fewer) than Fillwave holds as the OMS counts (shared/stock/follow-oms.ts): the change lands
// on the SKU's bins, at `locationId` (its home bin) first. The runner works the change out; the
// rule only applies it, so replay rebuilds the same bins. A change of 0 answers a count the SKU
// waited for (its flags clear: shared/stock/follow-oms.ts followStep).
export const StockLevelFollowedSchema = z.strictObject({
  skuId: IdSchema,
  omsOnHand: QuantitySchema,
  change: int4(),
  locationId: IdSchema,
});
export type StockLevelFollowed = z.infer<typeof StockLevelFollowedSchema>;
