import type { BackorderLine } from '../domain/backorder-line';
import { openQty, owedQty, toPickQty, toShipQty } from './line-quantities';

type Quantities = Pick<
  BackorderLine,
  'qtyBackordered' | 'qtyCancelled' | 'qtyAllocated' | 'qtyPicked' | 'qtyShipped'
>;

// Where a line's units are, in a lead's words, naming only the buckets that hold some:
// "Owes 6 of 7: 5 to plan, 1 waiting at packing; 1 shipped".
export const describeOwed = (l: Quantities): string => {
  const parts = [
    [openQty(l), 'to plan'],
    [toPickQty(l), 'to pick'],
    [toShipQty(l), 'waiting at packing'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  const done = [
    [l.qtyShipped, 'shipped'],
    [l.qtyCancelled, 'cancelled'],
  ]
    .filter(([n]) => (n as number) > 0)
    .map(([n, what]) => `${n} ${what}`);
  const owed = `Owes ${owedQty(l)} of ${l.qtyBackordered}`;
  return [parts.length ? `${owed}: ${parts.join(', ')}` : owed, ...done].join('; ');
};
