import type { Sku } from '../../../shared/domain/sku';
import type { NewBackorderLine } from '../connector';

// What is mapped to what between a Vendure order and Fillwave's backorder lines (docs/oms.md).
// Pure: the connector reads and posts, this decides.

export interface VendureOrder {
  id: string;
  code: string;
  state: string;
  orderPlacedAt: string | null;
  updatedAt: string;
  customer: { id: string } | null;
  shippingLines: { shippingMethod: { name: string } | null }[];
  lines: {
    id: string;
    quantity: number;
    productVariant: { id: string; sku: string; name: string };
  }[];
  fulfillments:
    | {
        id: string;
        state: string;
        method: string;
        trackingCode: string | null;
        lines: { orderLineId: string; quantity: number }[];
      }[]
    | null;
}

// Orders that owe units to the customer: paid, or shipped in part.
export const OWING_STATES = ['PaymentSettled', 'PartiallyShipped'] as const;
// Orders whose lines Fillwave may hold: the owing ones, and those that moved on (shipped,
// delivered, cancelled), read to see what they owe now.
export const WATCHED_STATES = [
  ...OWING_STATES,
  'Shipped',
  'PartiallyDelivered',
  'Delivered',
  'Cancelled',
] as const;

// Vendure has no promise date on an order: Fillwave's is the order's placing plus this.
export const PROMISE_DAYS = 7;

// A Fillwave line id names its order and Vendure's order line: "<order code>/<order line id>".
export const lineIdFor = (orderCode: string, orderLineId: string): string =>
  `${orderCode}/${orderLineId}`;

export const orderLineIdOf = (orderCode: string, backorderLineId: string): string | null =>
  backorderLineId.startsWith(`${orderCode}/`) ? backorderLineId.slice(orderCode.length + 1) : null;

// The mark a fulfillment carries of the Fillwave shipment it is, written in the same insert as
// the fulfillment (its `method`), so a post that is lost on the way back is found before posting
// again.
export const shipmentMark = (shipmentId: string): string => `[fillwave ${shipmentId}]`;

export const fulfillmentOf = <F extends { method: string }>(
  order: { fulfillments: F[] | null },
  shipmentId: string,
): F | undefined =>
  (order.fulfillments ?? []).find((f) => f.method.endsWith(shipmentMark(shipmentId)));

// Units of each order line in live fulfillments (a cancelled fulfillment gave its units back).
const fulfilledByLine = (order: VendureOrder): Map<string, number> => {
  const fulfilled = new Map<string, number>();
  for (const f of order.fulfillments ?? []) {
    if (f.state === 'Cancelled') continue;
    for (const l of f.lines)
      fulfilled.set(l.orderLineId, (fulfilled.get(l.orderLineId) ?? 0) + l.quantity);
  }
  return fulfilled;
};

// Units of each line not yet fulfilled. A cancelled order owes nothing.
export const owedByLine = (order: VendureOrder): Map<string, number> => {
  const fulfilled = fulfilledByLine(order);
  return new Map(
    order.lines.map((l) => [
      l.id,
      order.state === 'Cancelled' ? 0 : Math.max(0, l.quantity - (fulfilled.get(l.id) ?? 0)),
    ]),
  );
};

// Units of each line the customer still wants, shipped or not: the line's quantity; in a cancelled
// order, only what had been fulfilled (whatever Vendure leaves in the quantity).
export const wantedByLine = (order: VendureOrder): Map<string, number> => {
  if (order.state !== 'Cancelled') return new Map(order.lines.map((l) => [l.id, l.quantity]));
  const fulfilled = fulfilledByLine(order);
  return new Map(order.lines.map((l) => [l.id, fulfilled.get(l.id) ?? 0]));
};

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString();

// An owing order's lines with units owed, as new backorder lines (Fillwave adds those it lacks).
export const backorderLinesOf = (order: VendureOrder): NewBackorderLine[] => {
  if (!(OWING_STATES as readonly string[]).includes(order.state)) return [];
  const orderedAt = order.orderPlacedAt ?? order.updatedAt;
  const owed = owedByLine(order);
  const carrier = order.shippingLines[0]?.shippingMethod?.name.slice(0, 50) ?? null;
  return order.lines.flatMap((l, i) => {
    const qty = owed.get(l.id) ?? 0;
    if (qty === 0) return [];
    return [
      {
        id: lineIdFor(order.code, l.id),
        orderId: order.code,
        lineNo: i + 1,
        skuId: l.productVariant.sku,
        customerId: order.customer?.id ?? 'guest',
        customerTier: 5,
        orderedAt,
        promisedBy: addDays(orderedAt, PROMISE_DAYS),
        shipComplete: false,
        carrier,
        cutoffAt: null,
        qtyOrdered: l.quantity,
        qtyBackordered: qty,
      },
    ];
  });
};

// A variant as a Fillwave SKU: its SKU code is its id and its each barcode (Vendure keeps no
// barcode of its own); weight and volume are not in Vendure's core model.
export const skuOf = (variant: { sku: string; name: string }): Sku => ({
  id: variant.sku,
  sku: variant.sku,
  description: variant.name.slice(0, 500),
  unit: 'ea',
  weightKg: 0,
  volumeL: 0,
  barcodes: [{ code: variant.sku.slice(0, 100), kind: 'each', units: 1 }],
});
