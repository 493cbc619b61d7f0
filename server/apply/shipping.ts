import {
  ShipmentConfirmedSchema,
  ShipmentItemRemovedSchema,
  StockReturnedSchema,
} from '../../shared/sync-api/events/packer';
import { accepted, defineEventType, rejected } from '../events/registry';
import { lockLine, refreshLineStatus, type LineRow } from './rows';

// Ships only what was picked; a ship-complete order ships whole or not at all; the unshipped rest
// of any other line stays backordered. Records each line's backorder duration for the KPIs.
export const shipmentConfirmed = defineEventType({
  type: 'shipment.confirmed',
  from: ['device'],
  role: 'packer',
  payload: ShipmentConfirmedSchema,
  apply: async (tx, s, event) => {
    const [exists] = await tx.query('SELECT 1 FROM shipments WHERE id = $1', [s.shipmentId]);
    if (exists)
      return rejected('shipment-exists', `Shipment ${s.shipmentId} was already confirmed.`);
    const ids = s.lines.map((l) => l.backorderLineId);
    if (new Set(ids).size !== ids.length)
      return rejected('duplicate-line', 'A shipment names each line once.');
    const lines = new Map<string, LineRow>();
    for (const id of [...ids].sort()) {
      const line = await lockLine(tx, id);
      if (!line) return rejected('unknown-line', `There is no backorder line ${id}.`);
      lines.set(id, line);
    }
    for (const { backorderLineId: id, qty } of s.lines) {
      const line = lines.get(id)!;
      if (line.order_id !== s.orderId)
        return rejected(
          'line-not-in-order',
          `Backorder line ${id} belongs to order ${line.order_id}, not ${s.orderId}.`,
        );
      if (line.status === 'cancelled')
        return rejected(
          'line-cancelled',
          `Backorder line ${id} was cancelled by the customer; take it out of the shipment.`,
        );
      const shippable = line.qty_picked - line.qty_shipped;
      if (qty > shippable)
        return rejected(
          'not-picked',
          `Backorder line ${id} has ${shippable} picked and not shipped; ${qty} cannot ship.`,
        );
    }
    const order = await tx.query<LineRow>(
      "SELECT id, ship_complete, qty_backordered, qty_shipped, status FROM backorder_lines WHERE order_id = $1 AND status <> 'cancelled'",
      [s.orderId],
    );
    if (order.some((l) => l.ship_complete)) {
      const incomplete = order.find((l) => {
        const sent = s.lines.find((x) => x.backorderLineId === l.id)?.qty ?? 0;
        return l.qty_shipped + sent < l.qty_backordered;
      });
      if (incomplete) {
        return rejected(
          'ship-complete-incomplete',
          `Order ${s.orderId} ships complete, and line ${incomplete.id} is not all here.`,
        );
      }
    }
    const shippedAt = Date.parse(event.receivedAt);
    const shipmentLines = s.lines.map(({ backorderLineId, qty }) => ({
      backorderLineId,
      qty,
      backorderSeconds: Math.max(
        0,
        Math.round((shippedAt - Date.parse(lines.get(backorderLineId)!.ordered_at)) / 1000),
      ),
    }));
    for (const l of s.lines) {
      await tx.query('UPDATE backorder_lines SET qty_shipped = qty_shipped + $2 WHERE id = $1', [
        l.backorderLineId,
        l.qty,
      ]);
    }
    await tx.query(
      `INSERT INTO shipments (id, order_id, carrier, service, tracking_number, weight_kg, parcels, shipped_at, shipped_by, lines)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        s.shipmentId,
        s.orderId,
        s.carrier,
        s.service,
        s.trackingNumber,
        s.weightKg,
        s.parcels,
        event.receivedAt,
        event.operatorId,
        JSON.stringify(shipmentLines),
      ],
    );
    await tx.query(
      "UPDATE totes SET status = 'shipped' WHERE order_id = $1 AND status = 'dropped'",
      [s.orderId],
    );
    await refreshLineStatus(tx, ids);
    return accepted;
  },
});

// A damaged or wrong item taken out at packing: it is no longer picked, and its quantity goes
// back to the line's backorder.
export const shipmentItemRemoved = defineEventType({
  type: 'shipment-item.removed',
  from: ['device'],
  role: 'packer',
  payload: ShipmentItemRemovedSchema,
  apply: async (tx, { backorderLineId, qty }) => {
    const line = await lockLine(tx, backorderLineId);
    if (!line) return rejected('unknown-line', `There is no backorder line ${backorderLineId}.`);
    const removable = line.qty_picked - line.qty_shipped;
    if (qty > removable)
      return rejected(
        'not-picked',
        `Backorder line ${backorderLineId} has ${removable} picked and not shipped; ${qty} cannot be removed.`,
      );
    await tx.query(
      'UPDATE backorder_lines SET qty_picked = qty_picked - $2, qty_allocated = qty_allocated - $2 WHERE id = $1',
      [backorderLineId, qty],
    );
    await refreshLineStatus(tx, [backorderLineId]);
    return accepted;
  },
});

export const stockReturned = defineEventType({
  type: 'stock.returned',
  from: ['device'],
  role: 'packer',
  payload: StockReturnedSchema,
  apply: async (tx, { locationId, skuId, qty, returnInstructionId }) => {
    const [loc] = await tx.query('SELECT 1 FROM locations WHERE id = $1', [locationId]);
    const [sku] = await tx.query('SELECT 1 FROM skus WHERE id = $1', [skuId]);
    if (!loc || !sku)
      return rejected(
        'unknown-location-or-sku',
        `Stock cannot go back to ${locationId} for ${skuId}: one of them is not known.`,
      );
    if (returnInstructionId) {
      const [ri] = await tx.query<{ status: string; location_id: string; sku_id: string }>(
        'SELECT status, location_id, sku_id FROM return_instructions WHERE id = $1 FOR UPDATE',
        [returnInstructionId],
      );
      if (!ri || ri.status !== 'open' || ri.location_id !== locationId || ri.sku_id !== skuId) {
        return rejected(
          'unknown-instruction',
          `There is no open return of ${skuId} to ${locationId} under ${returnInstructionId}.`,
        );
      }
      await tx.query("UPDATE return_instructions SET status = 'done' WHERE id = $1", [
        returnInstructionId,
      ]);
    }
    await tx.query(
      `INSERT INTO stock (id, location_id, sku_id, on_hand) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET on_hand = stock.on_hand + EXCLUDED.on_hand`,
      [`${locationId}|${skuId}`, locationId, skuId, qty],
    );
    return accepted;
  },
});
