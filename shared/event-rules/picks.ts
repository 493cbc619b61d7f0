import type { PickTask } from '../domain/pick-task';
import type { Draft } from './draft';
import { locationName } from './names';
import { stockKeptByOms } from './oms-stock';
import { refreshLines, releaseReservations, reservedAt } from './reservations';
import { accepted, defineRule, refuse, type RuleContext, type RuleOutcome } from './rule';
import { tourHeldBy } from './tours';

// The task must be open and on a tour this operator holds.
const openTaskOf = (
  d: Draft,
  taskId: string,
  operatorId: string | null,
): { task: PickTask } | { refusal: RuleOutcome } => {
  const task = d.get('pickTask', taskId);
  if (!task) return { refusal: refuse('unknown-task', 'This pick is not on the floor any more.') };
  const held = tourHeldBy(d, task.tourId, operatorId);
  if ('refusal' in held) return held;
  if (task.status !== 'open')
    return { refusal: refuse('task-closed', `This pick is already ${task.status}.`) };
  return { task };
};

// Moves qty from the location's reservation into the tote and the line's picked quantity.
const pickInto = (
  d: Draft,
  task: PickTask,
  qty: number,
  toteCode: string,
  label: { lot?: string; serial?: string; expiry?: string },
  pickId: string,
  ctx: RuleContext,
): RuleOutcome | null => {
  const tote = d.get('tote', `${task.tourId}|${toteCode}`);
  if (!tote) return refuse('wrong-tote', `Tote ${toteCode} is not on this cart.`);
  if (tote.orderId !== task.orderId || tote.slot !== task.toteSlot)
    return refuse(
      'wrong-tote',
      `Tote ${toteCode} holds order ${tote.orderId}; this item goes to order ${task.orderId} in slot ${task.toteSlot}.`,
    );
  // The business date of when it was picked, not of when the server heard of it.
  if (label.expiry && label.expiry < ctx.today)
    return refuse('expired', `This item expired on ${label.expiry}; take another.`);
  const reserved = d
    .where('reservation', 'backorderLineId', task.backorderLineId)
    .filter((r) => r.locationId === task.locationId && r.waveId === task.waveId);
  const held = reserved.reduce((s, r) => s + r.qty, 0);
  if (held < qty)
    return refuse(
      'not-reserved',
      `Only ${held} of this line ${held === 1 ? 'is' : 'are'} reserved at ${locationName(d, task.locationId)}.`,
    );
  let need = qty;
  for (const r of reserved) {
    if (need === 0) break;
    const take = Math.min(r.qty, need);
    if (take === r.qty) d.remove('reservation', r.id);
    else d.put('reservation', { ...r, qty: r.qty - take });
    need -= take;
  }
  const stock = d.get('stock', `${task.locationId}|${task.skuId}`)!;
  d.put('stock', { ...stock, onHand: stock.onHand - qty, reserved: stock.reserved - qty });
  const line = d.get('backorderLine', task.backorderLineId)!;
  d.put('backorderLine', { ...line, qtyPicked: line.qtyPicked + qty });
  const picked = task.pickedQty + qty;
  d.put('pickTask', {
    ...task,
    pickedQty: picked,
    status: picked + task.shortQty >= task.qty ? 'picked' : task.status,
  });
  d.put('pick', {
    id: pickId,
    pickTaskId: task.id,
    tourId: task.tourId,
    backorderLineId: task.backorderLineId,
    locationId: task.locationId,
    skuId: task.skuId,
    toteCode,
    qty,
    lot: label.lot ?? null,
    serial: label.serial ?? null,
    expiry: label.expiry ?? null,
    pickedBy: ctx.operatorId ?? '',
    pickedAt: ctx.at,
    undone: false,
  });
  const tour = d.get('tour', task.tourId)!;
  if (tour.status === 'assigned' || tour.status === 'claimed')
    d.put('tour', { ...tour, status: 'picking' });
  const wave = d.get('wave', task.waveId);
  if (wave?.status === 'released') d.put('wave', { ...wave, status: 'picking' });
  return null;
};

export const pickConfirmed = defineRule({
  type: 'pick.confirmed',
  apply: (d, p, ctx) => {
    const found = openTaskOf(d, p.pickTaskId, ctx.operatorId);
    if ('refusal' in found) return found.refusal;
    const { task } = found;
    const left = task.qty - task.pickedQty - task.shortQty;
    if (p.qty > left)
      return refuse('over-pick', `This pick asks for ${left} more; ${p.qty} is too many.`);
    const refusal = pickInto(d, task, p.qty, p.toteCode, p, ctx.eventId, ctx);
    if (refusal) return refusal;
    d.refreshLine(task.backorderLineId);
    return accepted;
  },
});

// The bin had less than the task asked for. What was found goes in the tote; the rest goes back
// to the line's backorder; the location's stock becomes what was there (none is left now), every
// other reservation on it is released, and it is flagged for a count so no one is sent there
// again before it is counted.
export const shortPickReported = defineRule({
  type: 'short-pick.reported',
  apply: (d, p, ctx) => {
    const found = openTaskOf(d, p.pickTaskId, ctx.operatorId);
    if ('refusal' in found) return found.refusal;
    const { task } = found;
    const left = task.qty - task.pickedQty - task.shortQty;
    if (p.foundQty >= left)
      return refuse(
        'not-short',
        `This pick asks for ${left}; finding ${p.foundQty} is a full pick, not a short one.`,
      );
    if (p.foundQty > 0) {
      if (!p.toteCode) return refuse('tote-required', 'Say which tote the found items went into.');
      const refusal = pickInto(d, task, p.foundQty, p.toteCode, {}, `${ctx.eventId}:found`, ctx);
      if (refusal) return refusal;
    }
    const unfound = left - p.foundQty;
    const now = d.get('pickTask', task.id)!;
    d.put('pickTask', { ...now, shortQty: now.shortQty + unfound, status: 'short' });
    const line = d.get('backorderLine', task.backorderLineId)!;
    d.put('backorderLine', { ...line, qtyShort: line.qtyShort + unfound });
    const touched = releaseReservations(d, reservedAt(d, task.locationId, task.skuId));
    d.update('stock', `${task.locationId}|${task.skuId}`, { onHand: 0 });
    d.update('location', task.locationId, { countRequired: true });
    refreshLines(d, [task.backorderLineId, ...touched]);
    return accepted;
  },
});

// Takes back the operator's last pick on a tour still being picked.
export const pickUndone = defineRule({
  type: 'pick.undone',
  apply: (d, { pickId }, ctx) => {
    const pick = d.get('pick', pickId);
    if (!pick || pick.undone) return refuse('unknown-pick', 'There is no pick to undo.');
    const held = tourHeldBy(d, pick.tourId, ctx.operatorId);
    if ('refusal' in held) return held.refusal;
    // Which pick was last is the log's order: only the server knows it for sure.
    if (ctx.log && ctx.log.lastPickOnTour(pick.tourId, ctx.operatorId ?? '') !== pickId)
      return refuse('not-last-pick', 'Only the last pick on this tour can be undone.');
    const task = d.get('pickTask', pick.pickTaskId)!;
    if (task.status === 'short' || task.status === 'cancelled')
      return refuse('task-closed', `This pick is already ${task.status}.`);
    const stock = d.get('stock', `${pick.locationId}|${pick.skuId}`)!;
    d.put('stock', {
      ...stock,
      onHand: stock.onHand + pick.qty,
      reserved: stock.reserved + pick.qty,
    });
    d.put('reservation', {
      id: `${pickId}:undone`,
      backorderLineId: pick.backorderLineId,
      locationId: pick.locationId,
      skuId: pick.skuId,
      qty: pick.qty,
      waveId: task.waveId,
    });
    const line = d.get('backorderLine', pick.backorderLineId)!;
    d.put('backorderLine', { ...line, qtyPicked: line.qtyPicked - pick.qty });
    d.put('pickTask', { ...task, pickedQty: task.pickedQty - pick.qty, status: 'open' });
    d.put('pick', { ...pick, undone: true });
    d.refreshLine(pick.backorderLineId);
    return accepted;
  },
});

// A count is the truth about a location: stock becomes what was counted, reservations that no
// longer fit are released, and the count flag is cleared.
export const locationCounted = defineRule({
  type: 'location.counted',
  apply: (d, { locationId, skuId, qty }) => {
    const kept = stockKeptByOms(d, 'count');
    if (kept) return kept;
    if (!d.get('location', locationId))
      return refuse('unknown-location', 'That location is not in this warehouse.');
    if (!d.get('sku', skuId)) return refuse('unknown-sku', 'That item is not in the catalogue.');
    const id = `${locationId}|${skuId}`;
    const stock = d.get('stock', id);
    const touched =
      stock && stock.reserved > qty ? releaseReservations(d, reservedAt(d, locationId, skuId)) : [];
    const now = d.get('stock', id);
    d.put(
      'stock',
      now ? { ...now, onHand: qty } : { id, locationId, skuId, onHand: qty, reserved: 0 },
    );
    d.update('location', locationId, { countRequired: false });
    refreshLines(d, touched);
    return accepted;
  },
});
