import { describeIssues } from '../../describe-issues';
import { BackorderLineSchema, type BackorderLine } from '../../domain/backorder-line';
import { fail, ok, type Result } from '../../result';
import type { KpiLog } from './read-log';

// A backorder line as the KPIs see it. The log tells a line's life from the event that added it;
// a device that keeps only the last days of events has lines whose start lies before its
// history, and their rows fill in what the log cannot (when they were ordered, what they
// backordered, and what had shipped or been cancelled before the history begins).
export interface LineHistory {
  id: string;
  orderedAtMs: number;
  qtyBackordered: number;
  shippedBeforeLog: number;
  cancelledBeforeLog: boolean;
}

const checkRows = (rows: readonly BackorderLine[]): Result<Map<string, BackorderLine>> => {
  const byId = new Map<string, BackorderLine>();
  for (const [i, raw] of rows.entries()) {
    const parsed = BackorderLineSchema.safeParse(raw);
    const name = typeof raw?.id === 'string' ? `backorder line ${raw.id}` : `lines.${i}`;
    if (!parsed.success) return fail(`${name}: ${describeIssues(parsed.error)}`);
    if (byId.has(parsed.data.id)) return fail(`${name}: appears twice in the lines`);
    byId.set(parsed.data.id, parsed.data);
  }
  return ok(byId);
};

export const lineHistories = (
  log: KpiLog,
  rows: readonly BackorderLine[],
): Result<Map<string, LineHistory>> => {
  const checked = checkRows(rows);
  if (!checked.ok) return checked;
  const shippedInLog = new Map<string, number>();
  for (const s of log.shipments)
    shippedInLog.set(s.backorderLineId, (shippedInLog.get(s.backorderLineId) ?? 0) + s.qty);
  const cancelledInLog = new Set(log.cancellations.map((c) => c.backorderLineId));

  const lines = new Map<string, LineHistory>();
  for (const l of log.lines.values())
    lines.set(l.id, { ...l, shippedBeforeLog: 0, cancelledBeforeLog: false });
  for (const row of checked.value.values()) {
    if (lines.has(row.id)) continue;
    lines.set(row.id, {
      id: row.id,
      orderedAtMs: Date.parse(row.orderedAt),
      qtyBackordered: row.qtyBackordered,
      // The row counts every shipment; those the log does not hold came before it.
      shippedBeforeLog: Math.max(0, row.qtyShipped - (shippedInLog.get(row.id) ?? 0)),
      cancelledBeforeLog: row.status === 'cancelled' && !cancelledInLog.has(row.id),
    });
  }

  const unknown = (eventId: string, type: string, lineId: string) =>
    fail<Map<string, LineHistory>>(
      `event ${eventId} (${type}): backorder line ${lineId} is in no oms.backorder-lines-added event and no line row`,
    );
  for (const c of log.cancellations)
    if (!lines.has(c.backorderLineId))
      return unknown(c.eventId, 'oms.backorder-line-cancelled', c.backorderLineId);
  // Shipped never passes backordered (the server's invariant); a log that says otherwise would
  // put the fill rate above 100 %, so it is refused.
  const shipped = new Map<string, number>();
  for (const s of log.shipments) {
    const line = lines.get(s.backorderLineId);
    if (!line) return unknown(s.eventId, 'shipment.confirmed', s.backorderLineId);
    const total = (shipped.get(line.id) ?? line.shippedBeforeLog) + s.qty;
    if (total > line.qtyBackordered)
      return fail(
        `event ${s.eventId} (shipment.confirmed): backorder line ${line.id} would have ${total} shipped of ${line.qtyBackordered} backordered`,
      );
    shipped.set(line.id, total);
  }
  return ok(lines);
};
