import { describeIssues } from '../../describe-issues';
import { DailyOrderCountSchema, type DailyOrderCount } from '../../domain/daily-order-count';
import { fail, ok, type Result } from '../../result';
import { inWindow, ratio, type KpiWindow, type Ratio } from './window';

// Backorder rate: of the order lines placed, the share that went to backorder, from the OMS's
// daily counts. A day counts when its start (00:00 UTC: the counts name a date and no zone)
// falls in the window, so windows that meet share no day and a window of whole UTC days takes
// exactly those days.
export const backorderRate = (days: readonly DailyOrderCount[], w: KpiWindow): Result<Ratio> => {
  const seen = new Set<string>();
  let placed = 0;
  let backordered = 0;
  for (const [i, raw] of days.entries()) {
    const parsed = DailyOrderCountSchema.safeParse(raw);
    const name = typeof raw?.id === 'string' ? `daily count ${raw.id}` : `dailyCounts.${i}`;
    if (!parsed.success) return fail(`${name}: ${describeIssues(parsed.error)}`);
    const day = parsed.data;
    if (seen.has(day.id)) return fail(`${name}: appears twice in the daily counts`);
    seen.add(day.id);
    if (day.linesBackordered > day.linesPlaced)
      return fail(
        `${name}: ${day.linesBackordered} lines backordered of ${day.linesPlaced} placed`,
      );
    if (!inWindow(w, Date.parse(`${day.id}T00:00:00Z`))) continue;
    placed += day.linesPlaced;
    backordered += day.linesBackordered;
  }
  return ok(ratio(backordered, placed));
};
