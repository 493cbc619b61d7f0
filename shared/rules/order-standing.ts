import type { BackorderLine } from '../domain/backorder-line';
import type { Shipment } from '../domain/shipment';
import type { OrderStanding } from '../sync-api/feed';
import { owedQty } from './line-quantities';
import { orderStatus } from './order-status';

export type StandingLine = Pick<
  BackorderLine,
  | 'id'
  | 'status'
  | 'qtyBackordered'
  | 'qtyAllocated'
  | 'qtyPicked'
  | 'qtyShipped'
  | 'qtyCancelled'
  | 'orderedAt'
>;

const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

// One order as the OMS reads it: status, what is owed, and how long the backorder lasted. A
// line's duration is its last shipment's (each shipment line records ordered → shipped); the
// order's runs from its earliest order time to its last shipment, once nothing is owed.
export const orderStanding = (
  orderId: string,
  lines: readonly StandingLine[],
  shipments: readonly Pick<Shipment, 'id' | 'shippedAt' | 'lines'>[],
  expectedShipDate: string | null,
): OrderStanding => {
  const byTime = [...shipments].sort((a, b) => Date.parse(a.shippedAt) - Date.parse(b.shippedAt));
  const standing = lines.map((l) => {
    const owed = owedQty(l);
    const parts = byTime.flatMap((s) =>
      s.lines
        .filter((x) => x.backorderLineId === l.id)
        .map((x) => ({ shipmentId: s.id, qty: x.qty, backorderSeconds: x.backorderSeconds })),
    );
    return {
      id: l.id,
      status: l.status,
      qtyBackordered: l.qtyBackordered,
      qtyShipped: l.qtyShipped,
      qtyCancelled: l.qtyCancelled,
      owed,
      shipments: parts,
      backorderSeconds: owed === 0 && parts.length > 0 ? parts.at(-1)!.backorderSeconds : null,
    };
  });
  const owed = standing.reduce((sum, l) => sum + l.owed, 0);
  const lastShippedAt = byTime.at(-1)?.shippedAt ?? null;
  const orderedAt = lines.map((l) => l.orderedAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    orderId,
    status: orderStatus(lines.map((l) => l.status)),
    lines: standing,
    expectedShipDate,
    owed,
    lastShippedAt,
    backorderSeconds:
      owed === 0 && lastShippedAt && orderedAt ? seconds(orderedAt, lastShippedAt) : null,
  };
};
