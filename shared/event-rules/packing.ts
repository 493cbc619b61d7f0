import type { BackorderLine } from '../domain/backorder-line';
import { toShipQty } from '../rules/line-quantities';
import { checkTrackingNumber } from '../shipping/tracking-number';
import { lineName, locationName, skuName } from './names';
import { cap } from './tours';
import { refreshLines } from './reservations';
import { accepted, defineRule, refuse } from './rule';

// Ships only what was picked; a ship-complete order ships whole or not at all; the unshipped rest
// of any other line stays backordered. Records each line's backorder duration for the KPIs.
export const shipmentConfirmed = defineRule({
  type: 'shipment.confirmed',
  apply: (d, s, ctx) => {
    if (d.get('shipment', s.shipmentId))
      return refuse('shipment-exists', 'This shipment was already confirmed.');
    // The same check as the pack station's form, for a device that skipped it.
    const tracking = checkTrackingNumber(s.carrier, s.trackingNumber);
    if (!tracking.ok) return refuse('bad-tracking-number', tracking.reason);
    const ids = s.lines.map((l) => l.backorderLineId);
    if (new Set(ids).size !== ids.length)
      return refuse('duplicate-line', 'A shipment names each line once.');
    const lines = new Map<string, BackorderLine>();
    for (const id of [...ids].sort()) {
      const line = d.get('backorderLine', id);
      if (!line) return refuse('unknown-line', 'A line of this shipment is not known here.');
      lines.set(id, line);
    }
    for (const { backorderLineId: id, qty } of s.lines) {
      const line = lines.get(id)!;
      if (line.orderId !== s.orderId)
        return refuse(
          'line-not-in-order',
          `${cap(lineName(line))} is not in order ${s.orderId}; take it out of this shipment.`,
        );
      const shippable = toShipQty(line);
      if (qty > shippable && line.qtyCancelled > 0)
        return refuse(
          'line-cancelled',
          shippable === 0
            ? `The customer cancelled ${lineName(line)}; take it out of the shipment and return it to stock.`
            : `The customer cancelled ${line.qtyCancelled} of ${lineName(line)}; only ${shippable} can ship. Return the rest to stock.`,
        );
      if (qty > shippable)
        return refuse(
          'not-picked',
          `${cap(lineName(line))} has ${shippable} picked and not shipped; ${qty} cannot ship.`,
        );
    }
    const order = d
      .where('backorderLine', 'orderId', s.orderId)
      .filter((l) => l.status !== 'cancelled');
    if (order.some((l) => l.shipComplete)) {
      const incomplete = order.find((l) => {
        const sent = s.lines.find((x) => x.backorderLineId === l.id)?.qty ?? 0;
        return l.qtyShipped + sent < l.qtyBackordered - l.qtyCancelled;
      });
      if (incomplete)
        return refuse(
          'ship-complete-incomplete',
          `Order ${s.orderId} ships complete, and ${lineName(incomplete)} is not all here.`,
        );
    }
    const shippedAt = Date.parse(ctx.at);
    const shipmentLines = s.lines.map(({ backorderLineId, qty }) => {
      const line = lines.get(backorderLineId)!;
      d.put('backorderLine', { ...line, qtyShipped: line.qtyShipped + qty });
      return {
        backorderLineId,
        qty,
        backorderSeconds: Math.max(0, Math.round((shippedAt - Date.parse(line.orderedAt)) / 1000)),
      };
    });
    d.put('shipment', {
      id: s.shipmentId,
      orderId: s.orderId,
      carrier: s.carrier,
      service: s.service,
      trackingNumber: s.trackingNumber,
      weightKg: s.weightKg,
      parcels: s.parcels,
      shippedAt: ctx.at,
      shippedBy: ctx.operatorId ?? '',
      lines: shipmentLines,
    });
    for (const tote of d.where('tote', 'orderId', s.orderId))
      if (tote.status === 'dropped') d.put('tote', { ...tote, status: 'shipped' });
    refreshLines(d, ids);
    return accepted;
  },
});

// A damaged or wrong item taken out at packing: it is no longer picked, and its quantity goes
// back to the line's backorder.
export const shipmentItemRemoved = defineRule({
  type: 'shipment-item.removed',
  apply: (d, { backorderLineId, qty }) => {
    const line = d.get('backorderLine', backorderLineId);
    if (!line) return refuse('unknown-line', 'That line is not known here.');
    const removable = toShipQty(line);
    if (qty > removable)
      return refuse(
        'not-picked',
        `${cap(lineName(line))} has ${removable} picked and not shipped; ${qty} cannot be removed.`,
      );
    d.put('backorderLine', {
      ...line,
      qtyPicked: line.qtyPicked - qty,
      qtyAllocated: line.qtyAllocated - qty,
    });
    d.refreshLine(backorderLineId);
    return accepted;
  },
});

export const stockReturned = defineRule({
  type: 'stock.returned',
  apply: (d, { locationId, skuId, qty, returnInstructionId }) => {
    if (!d.get('location', locationId) || !d.get('sku', skuId))
      return refuse(
        'unknown-location-or-sku',
        'That location or item is not known here: check the label and scan again.',
      );
    if (returnInstructionId) {
      const ri = d.get('returnInstruction', returnInstructionId);
      if (!ri || ri.status !== 'open' || ri.locationId !== locationId || ri.skuId !== skuId)
        return refuse(
          'unknown-instruction',
          `There is no open return of ${skuName(d, skuId)} to ${locationName(d, locationId)}.`,
        );
      d.put('returnInstruction', { ...ri, status: 'done' });
    }
    const id = `${locationId}|${skuId}`;
    const stock = d.get('stock', id);
    d.put(
      'stock',
      stock
        ? { ...stock, onHand: stock.onHand + qty }
        : { id, locationId, skuId, onHand: qty, reserved: 0 },
    );
    return accepted;
  },
});
