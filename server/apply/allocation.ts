import { AllocationCommittedSchema, type AllocationLine } from '../../shared/sync-api/events/lead';
import type { Queryable } from '../db/db';
import { defineEventType, type Refusal } from '../events/registry';
import { lockLine, refreshLineStatus } from './rows';

// Reserves stock for one line, or says why not. All checks come before any write, so a refused
// line leaves nothing behind.
export const allocateLine = async (
  tx: Queryable,
  line: AllocationLine,
  reservationPrefix: string,
): Promise<Refusal | null> => {
  const refuse = (code: string, message: string): Refusal => ({
    subject: line.backorderLineId,
    code,
    message,
  });
  const row = await lockLine(tx, line.backorderLineId);
  if (!row) return refuse('unknown-line', `There is no backorder line ${line.backorderLineId}.`);
  if (row.status === 'cancelled')
    return refuse('line-cancelled', `Backorder line ${row.id} was cancelled.`);
  if (row.status === 'held') return refuse('line-held', `Backorder line ${row.id} is on hold.`);
  if (row.status === 'shipped')
    return refuse('line-shipped', `Backorder line ${row.id} has shipped.`);
  const locations = new Set(line.reservations.map((r) => r.locationId));
  if (locations.size !== line.reservations.length)
    return refuse('duplicate-location', `Line ${row.id} names a location twice.`);
  const total = line.reservations.reduce((sum, r) => sum + r.qty, 0);
  const open = row.qty_backordered - row.qty_allocated;
  if (total > open) {
    return refuse(
      'over-allocated',
      `Backorder line ${row.id} has ${open} left to allocate; ${total} is too many.`,
    );
  }
  const sorted = [...line.reservations].sort((a, b) =>
    a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0,
  );
  for (const r of sorted) {
    const [loc] = await tx.query<{ count_required: boolean }>(
      'SELECT count_required FROM locations WHERE id = $1',
      [r.locationId],
    );
    if (!loc) return refuse('unknown-location', `There is no location ${r.locationId}.`);
    if (loc.count_required)
      return refuse(
        'location-needs-count',
        `Location ${r.locationId} must be counted before stock is taken from it.`,
      );
    const [stock] = await tx.query<{ on_hand: number; reserved: number }>(
      'SELECT on_hand, reserved FROM stock WHERE id = $1 FOR UPDATE',
      [`${r.locationId}|${row.sku_id}`],
    );
    const free = stock ? stock.on_hand - stock.reserved : 0;
    if (free < r.qty) {
      return refuse(
        'stock-gone',
        `Only ${free} of ${row.sku_id} are free at ${r.locationId}; line ${row.id} needs ${r.qty}.`,
      );
    }
  }
  for (const r of sorted) {
    await tx.query('UPDATE stock SET reserved = reserved + $2 WHERE id = $1', [
      `${r.locationId}|${row.sku_id}`,
      r.qty,
    ]);
    await tx.query(
      `INSERT INTO reservations (id, backorder_line_id, location_id, sku_id, qty, wave_id) VALUES ($1, $2, $3, $4, $5, NULL)`,
      [`${reservationPrefix}:${row.id}:${r.locationId}`, row.id, r.locationId, row.sku_id, r.qty],
    );
  }
  await tx.query('UPDATE backorder_lines SET qty_allocated = qty_allocated + $2 WHERE id = $1', [
    row.id,
    total,
  ]);
  await refreshLineStatus(tx, [row.id]);
  return null;
};

// Line by line: the lines that fit are reserved, the others are refused with their reason.
export const allocationCommitted = defineEventType({
  type: 'allocation.committed',
  from: ['device'],
  role: 'lead',
  payload: AllocationCommittedSchema,
  apply: async (tx, { lines }, event) => {
    const refused: Refusal[] = [];
    for (const line of lines) {
      const refusal = await allocateLine(tx, line, event.id);
      if (refusal) refused.push(refusal);
    }
    if (refused.length === lines.length) {
      return {
        ok: false,
        code: 'nothing-allocated',
        message: `No line could be allocated: ${refused.map((r) => r.message).join(' ')}`,
      };
    }
    return { ok: true, refused };
  },
});
