import type { LineHistory } from './line-histories';
import type { KpiLog } from './read-log';
import { inWindow, ratio, type KpiWindow, type Ratio } from './window';

export interface BackorderKpis {
  // Units: of what the window's new backorder lines backordered, the share shipped in the window.
  backorderFillRate: Ratio;
  // Lines: of the window's new backorder lines, the share the OMS cancelled in the window.
  backorderCancellationRate: Ratio;
  // Over the shipment lines confirmed in the window: from the line's order to its shipment.
  averageBackorderDuration: { shipmentLines: number; seconds: number | null };
}

// The window's new backorder lines: ordered in the window with something backordered (a line the
// OMS sends with nothing backordered is not a backorder). A cohort, not "shipped in the window ÷
// backordered in the window": shipping last month's backlog would put that above 100 %. The
// price: in a recent window the fill rate is low because its lines have had little time to fill.
const cohortOf = (lines: ReadonlyMap<string, LineHistory>, w: KpiWindow): Set<string> => {
  const cohort = new Set<string>();
  for (const l of lines.values())
    if (l.qtyBackordered > 0 && inWindow(w, l.orderedAtMs)) cohort.add(l.id);
  return cohort;
};

export const backorderKpis = (
  log: KpiLog,
  lines: ReadonlyMap<string, LineHistory>,
  w: KpiWindow,
): BackorderKpis => {
  const cohort = cohortOf(lines, w);
  let unitsBackordered = 0;
  for (const id of cohort) unitsBackordered += lines.get(id)!.qtyBackordered;

  let unitsFilled = 0;
  let shipmentLines = 0;
  // Whole milliseconds: integer sums are exact, so the same events in any order give the same
  // average to the last digit.
  let waitedMs = 0;
  for (const s of log.shipments) {
    if (!inWindow(w, s.atMs)) continue;
    if (cohort.has(s.backorderLineId)) unitsFilled += s.qty;
    shipmentLines += 1;
    // A packing station whose clock runs behind the OMS's could ship "before" the order; the
    // server clamps the shipment's backorderSeconds at 0 the same way.
    waitedMs += Math.max(0, s.atMs - lines.get(s.backorderLineId)!.orderedAtMs);
  }

  // A line counts once, however many of its units were cancelled, and in how many steps.
  const cancelledLines = new Set<string>();
  for (const c of log.cancellations)
    if (inWindow(w, c.atMs) && cohort.has(c.backorderLineId)) cancelledLines.add(c.backorderLineId);
  const cancelled = cancelledLines.size;

  return {
    backorderFillRate: ratio(unitsFilled, unitsBackordered),
    backorderCancellationRate: ratio(cancelled, cohort.size),
    averageBackorderDuration: {
      shipmentLines,
      seconds: shipmentLines === 0 ? null : waitedMs / shipmentLines / 1000,
    },
  };
};
