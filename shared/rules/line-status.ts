import type { BackorderLine, BackorderLineStatus } from '../domain/backorder-line';
import { openQty, owedQty, toPickQty } from './line-quantities';

type Quantities = Pick<
  BackorderLine,
  'status' | 'qtyBackordered' | 'qtyCancelled' | 'qtyAllocated' | 'qtyPicked' | 'qtyShipped'
>;

// A line's status follows from its quantities; only `held` is set by a person (a lead). It names
// the next thing the line waits for, so a line with owed units and nothing in flight is `open`
// (the planner takes it) even when some of it was picked: a short pick never hides owed units.
// The server and the device both derive it here.
export const lineStatus = (line: Quantities, inLiveWave: boolean): BackorderLineStatus => {
  if (owedQty(line) <= 0)
    return line.qtyCancelled > 0 && line.qtyShipped === 0 ? 'cancelled' : 'shipped';
  if (line.status === 'held') return 'held';
  if (toPickQty(line) > 0) return inLiveWave ? 'in_wave' : 'allocated';
  if (openQty(line) > 0) return 'open';
  return 'picked';
};
