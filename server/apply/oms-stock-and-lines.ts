import { BackorderLinesAddedSchema, StockReceivedSchema } from '../../shared/sync-api/events/oms';
import { accepted, defineEventType, rejected } from '../events/registry';

// Replenishment arriving: quantities add to what is on hand at each location.
export const stockReceived = defineEventType({
  type: 'oms.stock-received',
  from: ['server', 'admin'],
  payload: StockReceivedSchema,
  apply: async (tx, { receipts }) => {
    const unknown = await tx.query<{ location_id: string; sku_id: string }>(
      `SELECT x."locationId" AS location_id, x."skuId" AS sku_id
         FROM jsonb_to_recordset($1::jsonb) AS x("locationId" text, "skuId" text)
        WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.id = x."locationId")
           OR NOT EXISTS (SELECT 1 FROM skus s WHERE s.id = x."skuId")
        LIMIT 1`,
      [JSON.stringify(receipts)],
    );
    if (unknown[0]) {
      return rejected(
        'unknown-location-or-sku',
        `Stock cannot be received for SKU ${unknown[0].sku_id} at location ${unknown[0].location_id}: one of them is not known.`,
      );
    }
    await tx.query(
      `INSERT INTO stock (id, location_id, sku_id, on_hand)
       SELECT x."locationId" || '|' || x."skuId", x."locationId", x."skuId", sum(x."qty")
         FROM jsonb_to_recordset($1::jsonb) AS x("locationId" text, "skuId" text, "qty" int)
        GROUP BY x."locationId", x."skuId"
       ON CONFLICT (id) DO UPDATE SET on_hand = stock.on_hand + EXCLUDED.on_hand`,
      [JSON.stringify(receipts)],
    );
    return accepted;
  },
});

// New orders lines that could not ship: they enter as open backorder lines.
export const backorderLinesAdded = defineEventType({
  type: 'oms.backorder-lines-added',
  from: ['server', 'admin'],
  payload: BackorderLinesAddedSchema,
  apply: async (tx, { lines }) => {
    const clash = await tx.query<{ id: string }>(
      `SELECT x."id" FROM jsonb_to_recordset($1::jsonb) AS x("id" text)
        WHERE EXISTS (SELECT 1 FROM backorder_lines b WHERE b.id = x."id") LIMIT 1`,
      [JSON.stringify(lines)],
    );
    if (clash[0]) return rejected('line-exists', `Backorder line ${clash[0].id} already exists.`);
    await tx.query(
      `INSERT INTO backorder_lines (id, order_id, line_no, sku_id, customer_id, customer_tier, ordered_at, promised_by,
                                    ship_complete, carrier, cutoff_at, qty_ordered, qty_backordered, status)
       SELECT x."id", x."orderId", x."lineNo", x."skuId", x."customerId", x."customerTier", x."orderedAt", x."promisedBy",
              x."shipComplete", x."carrier", x."cutoffAt", x."qtyOrdered", x."qtyBackordered", 'open'
         FROM jsonb_to_recordset($1::jsonb) AS x("id" text, "orderId" text, "lineNo" int, "skuId" text, "customerId" text,
              "customerTier" int, "orderedAt" timestamptz, "promisedBy" timestamptz, "shipComplete" boolean, "carrier" text,
              "cutoffAt" timestamptz, "qtyOrdered" int, "qtyBackordered" int)`,
      [JSON.stringify(lines)],
    );
    return accepted;
  },
});
