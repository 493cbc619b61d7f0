import type { EventRecord } from '../../shared/domain/event-record';
import type { Queryable } from '../db/db';
import type { StreamPosition } from '../sync/change-stream';

// What the warehouse holds of a SKU, as the OMS counts (shared/stock/follow-oms.ts): units in
// bins, units picked and waiting at packing, picked units of cancelled lines waiting to go back
// to their bins (open return instructions: still in the building, and the OMS never took them),
// and units shipped by events the OMS has not been told of yet (this one included: it is about to
// be). When Fillwave owns the stock, the OMS's on-hand figure is set to it: an absolute figure,
// so setting it twice is setting it once. When the OMS owns it, Fillwave's bins follow the OMS's
// figure by the difference.

export interface StockLevel {
  skuId: string;
  onHand: number;
}

// Events whose effect moves a SKU's stock, and the SKUs they name.
export const skusMoved = (event: EventRecord, shipmentSkus: string[]): string[] => {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const named = (list: unknown) =>
    Array.isArray(list)
      ? list.flatMap((x) => (typeof x?.skuId === 'string' ? [x.skuId as string] : []))
      : [];
  switch (event.type) {
    case 'stock.received':
      return named(p.lines);
    case 'oms.stock-received':
      return named(p.receipts);
    case 'location.counted':
    case 'stock.returned':
      return typeof p.skuId === 'string' ? [p.skuId] : [];
    case 'shipment.confirmed':
      return shipmentSkus;
    default:
      return [];
  }
};

// `from`: the event about to be exported; `includingIt` false once the OMS holds its shipment.
export const stockLevels = async (
  q: Queryable,
  skuIds: readonly string[],
  from: StreamPosition,
  includingIt = true,
): Promise<StockLevel[]> => {
  if (skuIds.length === 0) return [];
  return q.query<StockLevel>(
    `WITH unsent AS (
       SELECT b.sku_id, sum((l ->> 'qty')::int) AS qty
         FROM changes c
         CROSS JOIN LATERAL jsonb_array_elements(c.row -> 'payload' -> 'lines') l
         JOIN backorder_lines b ON b.id = l ->> 'backorderLineId'
        WHERE c.entity = 'event' AND c.row ->> 'type' = 'shipment.confirmed'
          AND ((c.txid, c.pos) > ($2::text::xid8, $3::bigint)
               OR ($4 AND (c.txid, c.pos) = ($2::text::xid8, $3::bigint)))
        GROUP BY b.sku_id)
     SELECT s.id AS "skuId",
            (coalesce((SELECT sum(on_hand) FROM stock WHERE sku_id = s.id), 0)
             + coalesce((SELECT sum(qty_picked - qty_shipped) FROM backorder_lines WHERE sku_id = s.id), 0)
             + coalesce((SELECT sum(qty) FROM return_instructions WHERE sku_id = s.id AND status = 'open'), 0)
             + coalesce((SELECT qty FROM unsent WHERE unsent.sku_id = s.id), 0))::int AS "onHand"
       FROM skus s WHERE s.id = ANY($1::text[]) ORDER BY s.id`,
    [skuIds, from.txid, from.pos, includingIt],
  );
};
