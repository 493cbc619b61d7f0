import type { BackorderLineStatus } from '../../shared/domain/backorder-line';
import type { EventRecord } from '../../shared/domain/event-record';
import type { Shipment } from '../../shared/domain/shipment';
import { orderStanding } from '../../shared/rules/order-standing';
import type { FeedEntry, OrderStanding } from '../../shared/sync-api/feed';
import type { Db } from '../db/db';

// One entry of the OMS feed: an accepted event with the orders it changed, as they stand now,
// and the shipment or return it made.
const iso = (column: string) => `to_jsonb(${column}) #>> '{}'`;

// The orders an event changed: those of the lines, shipments and return instructions its
// transaction touched (same txid), and of the line its payload names (a refused cancellation
// changes no row), as they stand now. Expected ship date: for lines in a live wave, the cut-off
// day when the line has one, else the day after the wave's release.
const ordersTouched = async (
  db: Db,
  txid: string,
  namedLine: string | null,
): Promise<{ orders: OrderStanding[]; shipments: Map<string, Shipment> }> => {
  const rows = await db.query<{
    order_id: string;
    id: string;
    status: BackorderLineStatus;
    qty_backordered: number;
    qty_allocated: number;
    qty_picked: number;
    qty_shipped: number;
    qty_cancelled: number;
    ordered_at: string;
    ship_by: string | null;
  }>(
    `WITH touched AS (
       SELECT c.row ->> 'order_id' AS order_id FROM changes c
        WHERE c.txid = $1::text::xid8 AND c.entity IN ('backorderLine', 'shipment') AND c.row IS NOT NULL
       UNION
       SELECT b.order_id FROM changes c JOIN backorder_lines b ON b.id = c.row ->> 'backorder_line_id'
        WHERE c.txid = $1::text::xid8 AND c.entity = 'returnInstruction' AND c.row IS NOT NULL
       UNION
       SELECT b.order_id FROM backorder_lines b WHERE b.id = $2)
     SELECT b.order_id, b.id, b.status, b.qty_backordered, b.qty_allocated, b.qty_picked,
            b.qty_shipped, b.qty_cancelled,
            ${iso('b.ordered_at')} AS ordered_at,
            (SELECT min(coalesce(b.cutoff_at, w.released_at + interval '1 day'))::date::text
               FROM reservations r JOIN waves w ON w.id = r.wave_id
              WHERE r.backorder_line_id = b.id AND w.status IN ('released', 'picking')) AS ship_by
       FROM backorder_lines b
      WHERE b.order_id IN (SELECT order_id FROM touched)
      ORDER BY b.order_id, b.id`,
    [txid, namedLine],
  );
  // Only orders that have shipped something have shipments to read (shipments has no index on
  // order_id yet: this keeps the scan off every event before the dock).
  const orderIds = [...new Set(rows.filter((r) => r.qty_shipped > 0).map((r) => r.order_id))];
  const shipments = new Map<string, Shipment>();
  if (orderIds.length > 0) {
    const found = await db.query<{ row: Record<string, unknown> }>(
      `SELECT jsonb_build_object('id', s.id, 'orderId', s.order_id, 'carrier', s.carrier,
                'service', s.service, 'trackingNumber', s.tracking_number,
                'weightKg', s.weight_kg, 'parcels', s.parcels, 'shippedAt', s.shipped_at,
                'shippedBy', s.shipped_by, 'lines', s.lines) AS row
         FROM shipments s WHERE s.order_id = ANY($1::text[]) ORDER BY s.shipped_at, s.id`,
      [orderIds],
    );
    // Rows this server wrote, built in the shape of ShipmentSchema.
    for (const { row } of found) shipments.set(row.id as string, row as unknown as Shipment);
  }
  const byOrder = new Map<string, typeof rows>();
  for (const r of rows) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r]);
  const orders = [...byOrder.entries()].map(([orderId, lines]) => {
    const dates = lines
      .map((l) => l.ship_by)
      .filter((d): d is string => d !== null)
      .sort();
    return orderStanding(
      orderId,
      lines.map((l) => ({
        id: l.id,
        status: l.status,
        qtyBackordered: l.qty_backordered,
        qtyAllocated: l.qty_allocated,
        qtyPicked: l.qty_picked,
        qtyShipped: l.qty_shipped,
        qtyCancelled: l.qty_cancelled,
        orderedAt: l.ordered_at,
      })),
      [...shipments.values()].filter((s) => s.orderId === orderId),
      dates.at(-1) ?? null,
    );
  });
  return { orders, shipments };
};

// A return carried out by instruction: the line and order its units came back from.
const returnFor = async (
  db: Db,
  instructionId: string,
): Promise<FeedEntry['returnInstruction']> => {
  const [row] = await db.query<{ row: Record<string, unknown> }>(
    `SELECT jsonb_build_object('id', r.id, 'backorderLineId', r.backorder_line_id,
              'orderId', b.order_id, 'locationId', r.location_id, 'skuId', r.sku_id,
              'qty', r.qty, 'status', r.status) AS row
       FROM return_instructions r JOIN backorder_lines b ON b.id = r.backorder_line_id
      WHERE r.id = $1`,
    [instructionId],
  );
  return row?.row as FeedEntry['returnInstruction'];
};

// What an event's entry carries beyond the event: the orders it changed and, for a shipment or a
// return, the row it made, so an OMS needs no second read.
export const entryFor = async (db: Db, event: EventRecord, txid: string): Promise<FeedEntry> => {
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof payload[key] === 'string' ? payload[key] : null);
  const { orders, shipments } = await ordersTouched(db, txid, text('backorderLineId'));
  const entry: FeedEntry = { event, orders };
  const shipment = event.type === 'shipment.confirmed' && shipments.get(text('shipmentId') ?? '');
  if (shipment) entry.shipment = shipment;
  const instruction = event.type === 'stock.returned' ? text('returnInstructionId') : null;
  if (instruction) {
    const returned = await returnFor(db, instruction);
    if (returned) entry.returnInstruction = returned;
  }
  return entry;
};
