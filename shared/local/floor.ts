import type { z } from 'zod';
import type { PickTask } from '../domain/pick-task';
import type {
  LocationCountedSchema,
  PickConfirmedSchema,
  PickUndoneSchema,
  ShortPickReportedSchema,
  TotesDroppedSchema,
  ToteAssignedSchema,
  TourClaimedSchema,
  TourCompletedSchema,
} from '../sync-api/events/picker';
import type { Draft } from './draft';
import type { LocalEvent, LocalRule } from './local-event';

const HELD = ['assigned', 'claimed', 'picking'];

const tourHeld = (d: Draft, tourId: string, operatorId: string | null): string | null => {
  const tour = d.get('tour', tourId);
  if (!tour) return `There is no tour ${tourId}.`;
  if (!HELD.includes(tour.status) || tour.pickerId !== operatorId)
    return `Tour ${tourId} is not yours to pick.`;
  return null;
};

// Releases every reservation matching, as server/apply/rows.ts releaseReservations does.
export const releaseLocally = (d: Draft, rows: ReturnType<Draft['where']>): string[] => {
  const lines: string[] = [];
  for (const r of rows as {
    id: string;
    backorderLineId: string;
    locationId: string;
    skuId: string;
    qty: number;
    waveId: string | null;
  }[]) {
    const stockId = `${r.locationId}|${r.skuId}`;
    const stock = d.get('stock', stockId);
    if (stock) d.put('stock', { ...stock, reserved: stock.reserved - r.qty });
    const line = d.get('backorderLine', r.backorderLineId);
    if (line) d.put('backorderLine', { ...line, qtyAllocated: line.qtyAllocated - r.qty });
    d.remove('reservation', r.id);
    if (r.waveId) {
      for (const t of d.where('pickTask', 'backorderLineId', r.backorderLineId)) {
        if (t.locationId === r.locationId && t.waveId === r.waveId && t.status === 'open')
          d.put('pickTask', { ...t, status: 'cancelled' });
      }
    }
    lines.push(r.backorderLineId);
  }
  return lines;
};

const pickInto = (
  d: Draft,
  task: PickTask,
  qty: number,
  toteCode: string,
  label: { lot?: string; serial?: string; expiry?: string },
  pickId: string,
  event: LocalEvent,
): string | null => {
  const tote = d.get('tote', `${task.tourId}|${toteCode}`);
  if (!tote || tote.orderId !== task.orderId || tote.slot !== task.toteSlot)
    return `Tote ${toteCode} is not for order ${task.orderId}.`;
  if (label.expiry && label.expiry < (event.today ?? event.at.slice(0, 10)))
    return `This item expired on ${label.expiry}.`;
  const reserved = d
    .where('reservation', 'backorderLineId', task.backorderLineId)
    .filter((r) => r.locationId === task.locationId && r.waveId === task.waveId);
  if (reserved.reduce((s, r) => s + r.qty, 0) < qty)
    return `Not enough reserved at ${task.locationId}.`;
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
    pickedBy: event.operatorId ?? '',
    pickedAt: event.at,
    undone: false,
  });
  const tour = d.get('tour', task.tourId)!;
  if (tour.status === 'assigned' || tour.status === 'claimed')
    d.put('tour', { ...tour, status: 'picking' });
  const wave = d.get('wave', task.waveId);
  if (wave?.status === 'released') d.put('wave', { ...wave, status: 'picking' });
  return null;
};

const openTask = (d: Draft, id: string, operatorId: string | null): PickTask | string => {
  const task = d.get('pickTask', id);
  if (!task) return `There is no pick task ${id}.`;
  const refusal = tourHeld(d, task.tourId, operatorId);
  if (refusal) return refusal;
  return task.status === 'open' ? task : `Pick task ${id} is ${task.status}.`;
};

export const tourClaimed: LocalRule<z.infer<typeof TourClaimedSchema>> = (d, { tourId }, event) => {
  const tour = d.get('tour', tourId);
  if (!tour) return `There is no tour ${tourId}.`;
  if (tour.pickerId && tour.pickerId !== event.operatorId)
    return `Tour ${tourId} is held by someone else.`;
  if (tour.status === 'released' || tour.status === 'assigned')
    d.put('tour', { ...tour, status: 'claimed', pickerId: event.operatorId });
  else if (tour.status !== 'claimed' && tour.status !== 'picking')
    return `Tour ${tourId} is ${tour.status}.`;
  return null;
};

export const toteAssigned: LocalRule<z.infer<typeof ToteAssignedSchema>> = (d, p, event) => {
  const refusal = tourHeld(d, p.tourId, event.operatorId);
  if (refusal) return refusal;
  const mine = d.where('tote', 'tourId', p.tourId);
  if (mine.some((t) => t.toteCode === p.toteCode && t.slot === p.slot && t.orderId === p.orderId))
    return null;
  if (mine.some((t) => t.slot === p.slot || t.orderId === p.orderId || t.toteCode === p.toteCode))
    return `Slot ${p.slot} or order ${p.orderId} already has a tote.`;
  d.put('tote', {
    id: `${p.tourId}|${p.toteCode}`,
    tourId: p.tourId,
    toteCode: p.toteCode,
    slot: p.slot,
    orderId: p.orderId,
    status: 'picking',
    packStation: null,
  });
  return null;
};

export const pickConfirmed: LocalRule<z.infer<typeof PickConfirmedSchema>> = (d, p, event) => {
  const task = openTask(d, p.pickTaskId, event.operatorId);
  if (typeof task === 'string') return task;
  if (p.qty > task.qty - task.pickedQty - task.shortQty)
    return `Pick task ${task.id} asks for fewer.`;
  const refusal = pickInto(d, task, p.qty, p.toteCode, p, event.id, event);
  if (refusal) return refusal;
  d.refreshLine(task.backorderLineId);
  return null;
};

export const shortPickReported: LocalRule<z.infer<typeof ShortPickReportedSchema>> = (
  d,
  p,
  event,
) => {
  const task = openTask(d, p.pickTaskId, event.operatorId);
  if (typeof task === 'string') return task;
  const left = task.qty - task.pickedQty - task.shortQty;
  if (p.foundQty >= left) return 'Not a short pick.';
  if (p.foundQty > 0) {
    if (!p.toteCode) return 'Say which tote the found items went into.';
    const refusal = pickInto(d, task, p.foundQty, p.toteCode, {}, `${event.id}:found`, event);
    if (refusal) return refusal;
  }
  const unfound = left - p.foundQty;
  const now = d.get('pickTask', task.id)!;
  d.put('pickTask', { ...now, shortQty: now.shortQty + unfound, status: 'short' });
  const line = d.get('backorderLine', task.backorderLineId)!;
  d.put('backorderLine', { ...line, qtyShort: line.qtyShort + unfound });
  const atLocation = d
    .where('reservation', 'locationId', task.locationId)
    .filter((r) => r.skuId === task.skuId);
  const touched = releaseLocally(d, atLocation);
  const stockId = `${task.locationId}|${task.skuId}`;
  d.update('stock', stockId, { onHand: 0 });
  d.update('location', task.locationId, { countRequired: true });
  for (const id of [...new Set([task.backorderLineId, ...touched])].sort()) d.refreshLine(id);
  return null;
};

export const pickUndone: LocalRule<z.infer<typeof PickUndoneSchema>> = (d, { pickId }, event) => {
  const pick = d.get('pick', pickId);
  if (!pick || pick.undone) return `There is no pick ${pickId} to undo.`;
  const refusal = tourHeld(d, pick.tourId, event.operatorId);
  if (refusal) return refusal;
  const task = d.get('pickTask', pick.pickTaskId)!;
  if (task.status === 'short' || task.status === 'cancelled')
    return `Pick task ${task.id} is ${task.status}.`;
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
  return null;
};

export const tourCompleted: LocalRule<z.infer<typeof TourCompletedSchema>> = (
  d,
  { tourId },
  event,
) => {
  const refusal = tourHeld(d, tourId, event.operatorId);
  if (refusal) return refusal;
  if (d.where('pickTask', 'tourId', tourId).some((t) => t.status === 'open'))
    return `Tour ${tourId} has open tasks.`;
  const tour = d.get('tour', tourId)!;
  d.put('tour', { ...tour, status: 'completed' });
  const wave = d.get('wave', tour.waveId);
  if (
    wave &&
    d
      .where('tour', 'waveId', tour.waveId)
      .every((t) => ['completed', 'dropped', 'cancelled'].includes(t.status))
  ) {
    d.put('wave', { ...wave, status: 'done' });
  }
  return null;
};

export const totesDropped: LocalRule<z.infer<typeof TotesDroppedSchema>> = (
  d,
  { tourId, packStation },
  event,
) => {
  const tour = d.get('tour', tourId);
  if (!tour || tour.pickerId !== event.operatorId || tour.status !== 'completed')
    return `Tour ${tourId} is not completed.`;
  d.put('tour', { ...tour, status: 'dropped' });
  for (const tote of d.where('tote', 'tourId', tourId))
    if (tote.status === 'picking') d.put('tote', { ...tote, status: 'dropped', packStation });
  return null;
};

export const locationCounted: LocalRule<z.infer<typeof LocationCountedSchema>> = (
  d,
  { locationId, skuId, qty },
) => {
  if (!d.get('location', locationId)) return `There is no location ${locationId}.`;
  if (!d.get('sku', skuId)) return `There is no SKU ${skuId}.`;
  const id = `${locationId}|${skuId}`;
  const stock = d.get('stock', id);
  let touched: string[] = [];
  if (stock && stock.reserved > qty)
    touched = releaseLocally(
      d,
      d.where('reservation', 'locationId', locationId).filter((r) => r.skuId === skuId),
    );
  const now = d.get('stock', id);
  d.put(
    'stock',
    now ? { ...now, onHand: qty } : { id, locationId, skuId, onHand: qty, reserved: 0 },
  );
  d.update('location', locationId, { countRequired: false });
  for (const line of [...new Set(touched)].sort()) d.refreshLine(line);
  return null;
};
