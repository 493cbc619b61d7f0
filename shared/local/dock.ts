import type { z } from 'zod';
import type {
  ShipmentConfirmedSchema,
  ShipmentItemRemovedSchema,
  StockReturnedSchema,
} from '../sync-api/events/packer';
import type { LocalRule } from './local-event';

export const shipmentConfirmed: LocalRule<z.infer<typeof ShipmentConfirmedSchema>> = (
  d,
  s,
  event,
) => {
  if (d.get('shipment', s.shipmentId)) return `Shipment ${s.shipmentId} was already confirmed.`;
  for (const { backorderLineId: id, qty } of s.lines) {
    const line = d.get('backorderLine', id);
    if (!line || line.orderId !== s.orderId) return `Line ${id} is not in order ${s.orderId}.`;
    if (line.status === 'cancelled') return `Backorder line ${id} was cancelled by the customer.`;
    if (qty > line.qtyPicked - line.qtyShipped)
      return `Backorder line ${id} has only ${line.qtyPicked - line.qtyShipped} picked.`;
  }
  const order = d
    .where('backorderLine', 'orderId', s.orderId)
    .filter((l) => l.status !== 'cancelled');
  if (order.some((l) => l.shipComplete)) {
    const short = order.find(
      (l) =>
        l.qtyShipped + (s.lines.find((x) => x.backorderLineId === l.id)?.qty ?? 0) <
        l.qtyBackordered,
    );
    if (short) return `Order ${s.orderId} ships complete, and line ${short.id} is not all here.`;
  }
  const shippedAt = Date.parse(event.at);
  const lines = s.lines.map(({ backorderLineId, qty }) => {
    const line = d.get('backorderLine', backorderLineId)!;
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
    shippedAt: event.at,
    shippedBy: event.operatorId ?? '',
    lines,
  });
  for (const tote of d.where('tote', 'orderId', s.orderId))
    if (tote.status === 'dropped') d.put('tote', { ...tote, status: 'shipped' });
  for (const l of [...s.lines].sort((a, b) => (a.backorderLineId < b.backorderLineId ? -1 : 1)))
    d.refreshLine(l.backorderLineId);
  return null;
};

export const shipmentItemRemoved: LocalRule<z.infer<typeof ShipmentItemRemovedSchema>> = (
  d,
  { backorderLineId, qty },
) => {
  const line = d.get('backorderLine', backorderLineId);
  if (!line || qty > line.qtyPicked - line.qtyShipped)
    return `Backorder line ${backorderLineId} has not that much picked.`;
  d.put('backorderLine', {
    ...line,
    qtyPicked: line.qtyPicked - qty,
    qtyAllocated: line.qtyAllocated - qty,
  });
  d.refreshLine(backorderLineId);
  return null;
};

export const stockReturned: LocalRule<z.infer<typeof StockReturnedSchema>> = (
  d,
  { locationId, skuId, qty, returnInstructionId },
) => {
  if (!d.get('location', locationId) || !d.get('sku', skuId))
    return `Stock cannot go back to ${locationId} for ${skuId}.`;
  if (returnInstructionId) {
    const ri = d.get('returnInstruction', returnInstructionId);
    if (!ri || ri.status !== 'open' || ri.locationId !== locationId || ri.skuId !== skuId)
      return `There is no open return under ${returnInstructionId}.`;
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
  return null;
};
