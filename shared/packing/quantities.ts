import type { BackorderLine } from '../domain/backorder-line';

// TEMPORARY until shared/rules/line-quantities.ts lands on main (the lead's line model): the same
// two sums, so the pack station reads as it will then.
type Quantities = Pick<BackorderLine, 'qtyBackordered' | 'qtyPicked' | 'qtyShipped'> & {
  qtyCancelled?: number;
};

// Units the line still has to ship.
export const owedQty = (l: Quantities): number =>
  l.qtyBackordered - l.qtyShipped - (l.qtyCancelled ?? 0);

// Picked and not shipped: waiting at packing.
export const toShipQty = (l: Quantities): number => l.qtyPicked - l.qtyShipped;

// Units the customer cancelled (a line cancelled whole before the line model had the field:
// all it had not shipped).
export const cancelledQty = (l: Quantities & { status: BackorderLine['status'] }): number =>
  l.qtyCancelled ?? (l.status === 'cancelled' ? l.qtyBackordered - l.qtyShipped : 0);
