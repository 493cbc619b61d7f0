import type { BackorderLineStatus } from '../domain/backorder-line';

const PROGRESS: readonly BackorderLineStatus[] = [
  'held',
  'open',
  'allocated',
  'in_wave',
  'picked',
  'packed',
  'shipped',
];

// An order's backorder status is its least advanced live line: an order is only as far along as
// the line that holds it back. All lines cancelled: cancelled.
export const orderStatus = (lines: readonly BackorderLineStatus[]): BackorderLineStatus => {
  const live = lines.filter((s) => s !== 'cancelled');
  if (live.length === 0) return 'cancelled';
  return live.reduce((least, s) => (PROGRESS.indexOf(s) < PROGRESS.indexOf(least) ? s : least));
};
