import type { z } from 'zod';
import type { BackorderLineCancelledSchema } from '../sync-api/events/oms';
import { openQty, owedQty, toPickQty, toShipQty } from '../rules/line-quantities';
import type { Draft } from './draft';
import { lineName } from './names';
import { accepted, refuse, type RuleContext, type RuleOutcome } from './rule';
import { cap } from './tours';

type Cancellation = z.infer<typeof BackorderLineCancelledSchema>;

// Takes `qty` units off the line's reservations, least far along first (not in a wave, then by
// id), with the open pick tasks that would have picked them: the wave keeps drawing on exactly
// what it holds reserved.
const unreserve = (d: Draft, lineId: string, qty: number): void => {
  const reservations = d
    .where('reservation', 'backorderLineId', lineId)
    .sort((a, b) => Number(a.waveId !== null) - Number(b.waveId !== null));
  let need = qty;
  for (const r of reservations) {
    if (need === 0) break;
    const take = Math.min(r.qty, need);
    need -= take;
    if (take === r.qty) d.remove('reservation', r.id);
    else d.put('reservation', { ...r, qty: r.qty - take });
    const stock = d.get('stock', `${r.locationId}|${r.skuId}`);
    if (stock) d.put('stock', { ...stock, reserved: stock.reserved - take });
    if (!r.waveId) continue;
    let cut = take;
    for (const t of d.where('pickTask', 'backorderLineId', lineId)) {
      if (cut === 0) break;
      if (t.locationId !== r.locationId || t.waveId !== r.waveId || t.status !== 'open') continue;
      const left = t.qty - t.pickedQty - t.shortQty;
      const c = Math.min(left, cut);
      cut -= c;
      if (c < left) d.put('pickTask', { ...t, qty: t.qty - c });
      else if (t.pickedQty + t.shortQty > 0)
        d.put('pickTask', {
          ...t,
          qty: t.pickedQty + t.shortQty,
          status: t.pickedQty > 0 ? 'picked' : 'short',
        });
      else d.put('pickTask', { ...t, status: 'cancelled' });
    }
  }
};

// Picked units of a cancelled line go back where they were picked from: one instruction per
// location, "return N x SKU to LOC", carried out at the pack station by `stock.returned`.
const returnPicked = (d: Draft, lineId: string, qty: number, eventId: string): void => {
  const from = new Map<string, { skuId: string; qty: number }>();
  for (const p of d.where('pick', 'backorderLineId', lineId)) {
    if (p.undone) continue;
    const s = from.get(p.locationId) ?? { skuId: p.skuId, qty: 0 };
    from.set(p.locationId, { skuId: s.skuId, qty: s.qty + p.qty });
  }
  let left = qty;
  for (const [locationId, s] of [...from].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (left === 0) break;
    const n = Math.min(s.qty, left);
    left -= n;
    d.put('returnInstruction', {
      id: `${eventId}:${locationId}`,
      backorderLineId: lineId,
      locationId,
      skuId: s.skuId,
      qty: n,
      status: 'open',
    });
  }
};

// The customer cancelled `qty` units of a line (every unit still owed when no qty is given).
// Units that are only owed go first, then allocated ones (their reservations and tasks shrink),
// then picked ones (returned to stock by instruction). Shipped units cannot be cancelled: asking
// for more than is owed is refused whole, with what has shipped.
export const cancelLineUnits = (
  d: Draft,
  { backorderLineId, qty }: Cancellation,
  ctx: Pick<RuleContext, 'eventId'>,
): RuleOutcome => {
  const line = d.get('backorderLine', backorderLineId);
  if (!line) return refuse('unknown-line', `There is no backorder line ${backorderLineId}.`);
  const name = cap(lineName(line));
  const owed = owedQty(line);
  if (owed === 0)
    return line.qtyShipped > 0
      ? refuse('line-shipped', `${name} has shipped (${line.qtyShipped}); it cannot be cancelled.`)
      : refuse('line-cancelled', `${name} is already cancelled.`);
  const want = qty ?? owed;
  if (want > owed)
    return refuse(
      'more-than-owed',
      `${name} owes ${owed}; ${want} cannot be cancelled (${line.qtyShipped} shipped, ${line.qtyCancelled} cancelled before).`,
    );
  const fromOpen = Math.min(want, openQty(line));
  const fromAllocated = Math.min(want - fromOpen, toPickQty(line));
  const fromPicked = want - fromOpen - fromAllocated;
  if (fromPicked > toShipQty(line)) throw new Error(`line ${line.id}: buckets do not add up`);
  if (fromAllocated > 0) unreserve(d, line.id, fromAllocated);
  if (fromPicked > 0) returnPicked(d, line.id, fromPicked, ctx.eventId);
  const now = d.get('backorderLine', line.id)!;
  d.put('backorderLine', {
    ...now,
    qtyCancelled: now.qtyCancelled + want,
    qtyAllocated: now.qtyAllocated - fromAllocated - fromPicked,
    qtyPicked: now.qtyPicked - fromPicked,
  });
  d.refreshLine(line.id);
  return accepted;
};
