import type { BackorderLine } from '../../domain/backorder-line';
import type { DailyOrderCount } from '../../domain/daily-order-count';
import type { EventRecord } from '../../domain/event-record';
import type { PickTask } from '../../domain/pick-task';
import { ok, type Result } from '../../result';
import { ageOpenLines, type AgingBucket } from './aging';
import { backorderKpis, type BackorderKpis } from './backorders';
import { backorderRate } from './daily-counts';
import { lineHistories } from './line-histories';
import { pickingKpis, type PickingKpis } from './picking';
import { readLog } from './read-log';
import { typedEntriesByPicker, type TypedEntries } from './typed-entries';
import { parseWindow, type Ratio } from './window';

// What a device holds: its events table (the accepted log, as far back as it pulled), the daily
// counts, and, for what lies before that history, the backorder line and pick task rows.
export interface KpiInput {
  events: readonly EventRecord[];
  dailyCounts: readonly DailyOrderCount[];
  lines?: readonly BackorderLine[];
  pickTasks?: readonly PickTask[];
  // Timestamps with an offset; the window is [from, to).
  from: string;
  to: string;
  // The clock comes in: open backorders are aged at `to`, or now if `to` has not come yet.
  now: string;
}

export interface Kpis {
  window: { from: string; to: string; asOf: string };
  // Lines backordered ÷ lines placed, from the daily counts.
  backorderRate: Ratio;
  backorderFillRate: BackorderKpis['backorderFillRate'];
  backorderCancellationRate: BackorderKpis['backorderCancellationRate'];
  averageBackorderDuration: BackorderKpis['averageBackorderDuration'];
  // Backorder lines still open at asOf, by age.
  aging: AgingBucket[];
  shortPickRate: Ratio;
  picking: Omit<PickingKpis, 'shortPickRate'>;
  // Picks whose item was typed rather than scanned, per picker.
  typedEntries: TypedEntries[];
}

// Same input, same output: events in any order give the same figures, and every bad record
// fails the whole computation with its name rather than drop out of the figures unseen.
export const computeKpis = (input: KpiInput): Result<Kpis> => {
  const w = parseWindow(input.from, input.to, input.now);
  if (!w.ok) return w;
  const log = readLog(input.events);
  if (!log.ok) return log;
  const lines = lineHistories(log.value, input.lines ?? []);
  if (!lines.ok) return lines;
  const rate = backorderRate(input.dailyCounts, w.value);
  if (!rate.ok) return rate;
  const picking = pickingKpis(log.value, input.pickTasks ?? [], w.value);
  if (!picking.ok) return picking;
  const { shortPickRate, ...perGroup } = picking.value;
  return ok({
    window: {
      from: new Date(w.value.fromMs).toISOString(),
      to: new Date(w.value.toMs).toISOString(),
      asOf: new Date(w.value.asOfMs).toISOString(),
    },
    backorderRate: rate.value,
    ...backorderKpis(log.value, lines.value, w.value),
    aging: ageOpenLines(log.value, lines.value, w.value.asOfMs),
    shortPickRate,
    picking: perGroup,
    typedEntries: typedEntriesByPicker(input.events, w.value),
  });
};
