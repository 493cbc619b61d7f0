import type { AllocationLine } from '../sync-api/events/lead';
import { openQty } from '../rules/line-quantities';
import type { Draft } from './draft';
import { lineName, locationName, skuName } from './names';
import { cap } from './tours';
import { defineRule, type PartRefused } from './rule';

const byLocation = <T extends { locationId: string }>(a: T, b: T) =>
  a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0;

// Reserves stock for one line, or says why not. All checks come before any write, so a refused
// line leaves nothing behind. Another lead's allocation of the same stock is seen here: the
// server runs this over the locked stock rows, in the log's order.
export const allocateLine = (
  d: Draft,
  line: AllocationLine,
  prefix: string,
): PartRefused | null => {
  const no = (code: string, message: string): PartRefused => ({
    subject: line.backorderLineId,
    code,
    message,
  });
  const row = d.get('backorderLine', line.backorderLineId);
  if (!row) return no('unknown-line', 'A line of this plan is not known here.');
  const name = cap(lineName(row));
  if (row.status === 'held') return no('line-held', `${name} is on hold.`);
  const open = openQty(row);
  if (row.status === 'cancelled') return no('line-cancelled', `${name} was cancelled.`);
  if (row.status === 'shipped') return no('line-shipped', `${name} has shipped.`);
  const locations = new Set(line.reservations.map((r) => r.locationId));
  if (locations.size !== line.reservations.length)
    return no('duplicate-location', `${name} names a location twice.`);
  const total = line.reservations.reduce((sum, r) => sum + r.qty, 0);
  if (total > open)
    return no('over-allocated', `${name} has ${open} left to allocate; ${total} is too many.`);
  const sorted = [...line.reservations].sort(byLocation);
  for (const r of sorted) {
    const loc = d.get('location', r.locationId);
    if (!loc) return no('unknown-location', 'A location of this plan is not in this warehouse.');
    if (loc.countRequired)
      return no(
        'location-needs-count',
        `Location ${loc.code} must be counted before stock is taken from it.`,
      );
    const stock = d.get('stock', `${r.locationId}|${row.skuId}`);
    const free = stock ? stock.onHand - stock.reserved : 0;
    if (free < r.qty)
      return no(
        'stock-gone',
        `Only ${free} of ${skuName(d, row.skuId)} ${free === 1 ? 'is' : 'are'} free at ${locationName(d, r.locationId)}; ${lineName(row)} needs ${r.qty}.`,
      );
  }
  for (const r of sorted) {
    const stock = d.get('stock', `${r.locationId}|${row.skuId}`)!;
    d.put('stock', { ...stock, reserved: stock.reserved + r.qty });
    d.put('reservation', {
      id: `${prefix}:${row.id}:${r.locationId}`,
      backorderLineId: row.id,
      locationId: r.locationId,
      skuId: row.skuId,
      qty: r.qty,
      waveId: null,
    });
  }
  d.put('backorderLine', { ...row, qtyAllocated: row.qtyAllocated + total });
  d.refreshLine(row.id);
  return null;
};

// Line by line: the lines that fit are reserved, the others are refused with their reason.
export const allocationCommitted = defineRule({
  type: 'allocation.committed',
  apply: (d, { lines }, ctx) => {
    const refused: PartRefused[] = [];
    for (const line of lines) {
      const refusal = allocateLine(d, line, ctx.eventId);
      if (refusal) refused.push(refusal);
    }
    if (refused.length === lines.length)
      return {
        ok: false,
        code: 'nothing-allocated',
        message: `No line could be allocated: ${refused.map((r) => r.message).join(' ')} Plan again.`,
      };
    return { ok: true, refused };
  },
});
