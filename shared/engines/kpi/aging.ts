import type { LineHistory } from './line-histories';
import type { KpiLog } from './read-log';
import { DAY_MS } from './window';

// Age bands of the backorder lines still open, in days since the order. Each band holds ages
// from its lower bound up to, not including, its upper one: a line exactly 1 day old is "1–3 d".
export const AGING_BANDS = [
  { label: '0–1 d', fromDays: 0, toDays: 1 },
  { label: '1–3 d', fromDays: 1, toDays: 3 },
  { label: '3–7 d', fromDays: 3, toDays: 7 },
  { label: '7–14 d', fromDays: 7, toDays: 14 },
  { label: '> 14 d', fromDays: 14, toDays: null },
] as const;

export interface AgingBucket {
  label: string;
  fromDays: number;
  toDays: number | null;
  lines: number;
  // What is left to ship on them.
  units: number;
}

// Open at asOf: ordered before it, not cancelled and not all shipped by then (events before
// asOf only, as for a window ending there). Held lines are open: they are still owed.
export const ageOpenLines = (
  log: KpiLog,
  lines: ReadonlyMap<string, LineHistory>,
  asOfMs: number,
): AgingBucket[] => {
  const shipped = new Map<string, number>();
  for (const s of log.shipments)
    if (s.atMs < asOfMs)
      shipped.set(s.backorderLineId, (shipped.get(s.backorderLineId) ?? 0) + s.qty);
  // Units cancelled by then, by line; Infinity: all of it.
  const cancelled = new Map<string, number>();
  for (const c of log.cancellations)
    if (c.atMs < asOfMs)
      cancelled.set(
        c.backorderLineId,
        (cancelled.get(c.backorderLineId) ?? 0) + (c.qty ?? Number.POSITIVE_INFINITY),
      );

  const buckets: AgingBucket[] = AGING_BANDS.map((b) => ({ ...b, lines: 0, units: 0 }));
  for (const l of lines.values()) {
    if (l.orderedAtMs >= asOfMs || l.cancelledBeforeLog) continue;
    const left =
      l.qtyBackordered - l.shippedBeforeLog - (shipped.get(l.id) ?? 0) - (cancelled.get(l.id) ?? 0);
    if (left <= 0) continue;
    const ageMs = asOfMs - l.orderedAtMs;
    const bucket = buckets.find((b) => b.toDays === null || ageMs < b.toDays * DAY_MS)!;
    bucket.lines += 1;
    bucket.units += left;
  }
  return buckets;
};
