import type { z } from 'zod';
import type {
  AllocationLine,
  AllocationCommittedSchema,
  WaveReleasedSchema,
  TourAssignedSchema,
  WaveCancelledSchema,
} from '../sync-api/events/lead';
import type { Draft } from './draft';
import type { LocalEvent, LocalRule } from './local-event';

const byId = <T extends { locationId: string }>(a: T, b: T) =>
  a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0;

// The server's allocation rule for one line (server/apply/allocation.ts); null when it fits.
export const allocateLineLocally = (
  d: Draft,
  line: AllocationLine,
  prefix: string,
): string | null => {
  const row = d.get('backorderLine', line.backorderLineId);
  if (!row) return `There is no backorder line ${line.backorderLineId}.`;
  if (row.status === 'cancelled' || row.status === 'held' || row.status === 'shipped')
    return `Backorder line ${row.id} is ${row.status}.`;
  const total = line.reservations.reduce((s, r) => s + r.qty, 0);
  if (total > row.qtyBackordered - row.qtyAllocated)
    return `Backorder line ${row.id} has ${row.qtyBackordered - row.qtyAllocated} left to allocate.`;
  const sorted = [...line.reservations].sort(byId);
  for (const r of sorted) {
    const loc = d.get('location', r.locationId);
    if (!loc) return `There is no location ${r.locationId}.`;
    if (loc.countRequired) return `Location ${r.locationId} must be counted first.`;
    const stock = d.get('stock', `${r.locationId}|${row.skuId}`);
    if (!stock || stock.onHand - stock.reserved < r.qty)
      return `Not enough ${row.skuId} free at ${r.locationId}.`;
  }
  for (const r of sorted) {
    const stockId = `${r.locationId}|${row.skuId}`;
    const stock = d.get('stock', stockId)!;
    d.put('stock', { ...stock, reserved: stock.reserved + r.qty });
    const id = `${prefix}:${row.id}:${r.locationId}`;
    d.put('reservation', {
      id,
      backorderLineId: row.id,
      locationId: r.locationId,
      skuId: row.skuId,
      qty: r.qty,
      waveId: null,
    });
  }
  d.update('backorderLine', row.id, { qtyAllocated: row.qtyAllocated + total });
  d.refreshLine(row.id);
  return null;
};

export const allocationCommitted: LocalRule<z.infer<typeof AllocationCommittedSchema>> = (
  d,
  { lines },
  event,
) => {
  const refused = lines.map((l) => allocateLineLocally(d, l, event.id)).filter((r) => r !== null);
  return refused.length === lines.length ? `No line could be allocated: ${refused[0]}` : null;
};

const takeIntoWave = (
  d: Draft,
  lineId: string,
  locationId: string,
  qty: number,
  waveId: string,
): boolean => {
  const rows = d
    .where('reservation', 'backorderLineId', lineId)
    .filter((r) => r.locationId === locationId && r.waveId === null);
  if (rows.reduce((s, r) => s + r.qty, 0) < qty) return false;
  let need = qty;
  for (const r of rows) {
    if (need === 0) break;
    if (r.qty <= need) {
      d.put('reservation', { ...r, waveId });
      need -= r.qty;
    } else {
      d.put('reservation', { ...r, qty: r.qty - need });
      const splitId = `${r.id}~${waveId}`;
      const existing = d.get('reservation', splitId);
      d.put('reservation', { ...r, id: splitId, qty: (existing?.qty ?? 0) + need, waveId });
      need = 0;
    }
  }
  return true;
};

export const waveReleased: LocalRule<z.infer<typeof WaveReleasedSchema>> = (d, wave, event) => {
  if (d.get('wave', wave.waveId)) return `Wave ${wave.waveId} was already released.`;
  for (const line of wave.allocation ?? []) {
    const refusal = allocateLineLocally(d, line, event.id);
    if (refusal) return refusal;
  }
  d.put('wave', {
    id: wave.waveId,
    name: wave.name,
    status: 'released',
    releasedAt: event.at,
    releasedBy: event.operatorId,
  });
  const lines = new Set<string>();
  for (const tour of wave.tours) {
    d.put('tour', {
      id: tour.tourId,
      waveId: wave.waveId,
      sequence: tour.sequence,
      status: 'released',
      pickerId: null,
      routeLengthM: tour.routeLengthM,
    });
    for (const task of tour.tasks) {
      const line = d.get('backorderLine', task.backorderLineId);
      if (!line) return `There is no backorder line ${task.backorderLineId}.`;
      if (!takeIntoWave(d, task.backorderLineId, task.locationId, task.qty, wave.waveId))
        return `Task ${task.pickTaskId} has no reservation to draw on.`;
      d.put('pickTask', {
        id: task.pickTaskId,
        tourId: tour.tourId,
        waveId: wave.waveId,
        backorderLineId: task.backorderLineId,
        orderId: line.orderId,
        locationId: task.locationId,
        skuId: line.skuId,
        qty: task.qty,
        sequence: task.sequence,
        toteSlot: task.toteSlot,
        status: 'open',
        pickedQty: 0,
        shortQty: 0,
      });
      lines.add(task.backorderLineId);
    }
  }
  for (const id of [...lines].sort()) d.refreshLine(id);
  return null;
};

export const waveCancelled: LocalRule<z.infer<typeof WaveCancelledSchema>> = (d, { waveId }) => {
  const wave = d.get('wave', waveId);
  if (!wave || wave.status !== 'released') return `Wave ${waveId} is not live.`;
  const tours = d.where('tour', 'waveId', waveId);
  const started = tours.some(
    (t) =>
      ['claimed', 'picking', 'completed', 'dropped'].includes(t.status) ||
      d.where('pick', 'tourId', t.id).some((p) => !p.undone),
  );
  if (started) return `Wave ${wave.name} has been started.`;
  for (const task of d.where('pickTask', 'waveId', waveId))
    if (task.status === 'open') d.put('pickTask', { ...task, status: 'cancelled' });
  for (const tour of tours) d.put('tour', { ...tour, status: 'cancelled' });
  const lines = new Set<string>();
  for (const r of d.where('reservation', 'waveId', waveId)) {
    d.put('reservation', { ...r, waveId: null });
    lines.add(r.backorderLineId);
  }
  d.put('wave', { ...wave, status: 'cancelled' });
  for (const id of [...lines].sort()) d.refreshLine(id);
  return null;
};

export const tourAssigned: LocalRule<z.infer<typeof TourAssignedSchema>> = (
  d,
  { tourId, pickerId },
) => {
  const tour = d.get('tour', tourId);
  if (!tour) return `There is no tour ${tourId}.`;
  if (tour.status !== 'released' && !(tour.status === 'assigned' && tour.pickerId === pickerId))
    return `Tour ${tourId} is ${tour.status}.`;
  d.put('tour', { ...tour, status: 'assigned', pickerId });
  return null;
};

export const lineHeld: LocalRule<{ backorderLineId: string }> = (d, { backorderLineId }) => {
  const line = d.get('backorderLine', backorderLineId);
  if (!line || line.status !== 'open' || line.qtyAllocated > line.qtyShipped)
    return `Backorder line ${backorderLineId} cannot be held.`;
  d.put('backorderLine', { ...line, status: 'held' });
  return null;
};

export const lineReleased: LocalRule<{ backorderLineId: string }> = (d, { backorderLineId }) => {
  const line = d.get('backorderLine', backorderLineId);
  if (!line || line.status !== 'held') return `Backorder line ${backorderLineId} is not held.`;
  d.put('backorderLine', { ...line, status: 'open' });
  return null;
};

export type { LocalEvent };
