import type { BackorderLine, BackorderLineStatus } from '../domain/backorder-line';

type Quantities = Pick<
  BackorderLine,
  'status' | 'qtyBackordered' | 'qtyAllocated' | 'qtyPicked' | 'qtyShipped'
>;

// A line's status follows from its quantities, except the two a person sets: held (a lead)
// and cancelled (the customer). The server and the device both derive it here.
export const lineStatus = (line: Quantities, inLiveWave: boolean): BackorderLineStatus => {
  if (line.status === 'cancelled' || line.status === 'held') return line.status;
  if (line.qtyShipped >= line.qtyBackordered) return 'shipped';
  if (line.qtyAllocated > line.qtyShipped) {
    if (line.qtyPicked >= line.qtyAllocated) return 'picked';
    return inLiveWave ? 'in_wave' : 'allocated';
  }
  return 'open';
};

// The invariants every line keeps, whatever happens: shipped ≤ picked ≤ allocated ≤ backordered.
export const lineQuantitiesHold = (l: Quantities): boolean =>
  l.qtyShipped >= 0 &&
  l.qtyShipped <= l.qtyPicked &&
  l.qtyPicked <= l.qtyAllocated &&
  l.qtyAllocated <= l.qtyBackordered;
