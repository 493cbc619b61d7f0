import { allocateLine } from './allocation';
import type { Draft } from './draft';
import { lineName, locationName, operatorName, tourName } from './names';
import { refreshLines, releaseReservations } from './reservations';
import { accepted, defineRule, refuse } from './rule';

// Moves `qty` of a line's unwaved reservation at a location into the wave, splitting a row when
// the wave takes part of it. False when there is not that much reserved and unwaved there.
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

// A wave: its tours and pick tasks in route order, each task drawing only on its own line's
// reservation at its own location. All or nothing: a lead whose plan lost stock to another
// lead's release is told which line and plans again.
// Two leads planning offline may both release "1 Dec · 16:00 cut-off · Wave 3": the later one
// takes the next free number (or "(2)" when its name has none), so no two waves share a name a
// person says. Each runner decides on the waves it sees: the device shows its guess until the
// pull brings the server's. Two releases of one name at the very same moment can still both
// keep it (no row exists to lock yet); the numbering of plans makes that rare.
const sayableName = (d: Draft, name: string): string => {
  const free = (n: string) => d.where('wave', 'name', n).length === 0;
  if (free(name)) return name;
  const numbered = /\bWave (\d+)/.exec(name);
  for (let k = 2; ; k++) {
    const next = numbered
      ? name.replace(/\bWave \d+/, `Wave ${Number(numbered[1]) + k - 1}`)
      : `${name} (${k})`;
    if (free(next)) return next;
  }
};

export const waveReleased = defineRule({
  type: 'wave.released',
  apply: (d, wave, ctx) => {
    if (d.get('wave', wave.waveId))
      return refuse('wave-exists', `${wave.name} was already released.`);
    for (const line of wave.allocation ?? []) {
      const refusal = allocateLine(d, line, ctx.eventId);
      if (refusal)
        return refuse(
          refusal.code,
          `${wave.name} was not released: ${refusal.message} Plan again.`,
        );
    }
    d.put('wave', {
      id: wave.waveId,
      name: sayableName(d, wave.name),
      status: 'released',
      releasedAt: ctx.at,
      releasedBy: ctx.operatorId,
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
        if (!line)
          return refuse(
            'unknown-line',
            `${wave.name} was not released: a line of it is not known here. Plan again.`,
          );
        if (!takeIntoWave(d, task.backorderLineId, task.locationId, task.qty, wave.waveId))
          return refuse(
            'task-without-reservation',
            `${wave.name} was not released: ${lineName(line)} needs ${task.qty} at ${locationName(d, task.locationId)}, more than is reserved there and not already in a wave. Plan again.`,
          );
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
    refreshLines(d, lines);
    return accepted;
  },
});

// Only a wave no picker has started. Its stock stays reserved for its lines, out of any wave (a
// re-plan waves them first), or with `releaseStock` goes back to free stock and its lines to the
// fill list, to be allocated again by the rules in force.
export const waveCancelled = defineRule({
  type: 'wave.cancelled',
  apply: (d, { waveId, releaseStock }) => {
    const wave = d.get('wave', waveId);
    if (!wave) return refuse('unknown-wave', 'That wave is not known here.');
    if (wave.status !== 'released')
      return refuse(
        'wave-not-live',
        `${wave.name} is ${wave.status}; only a released wave can be cancelled.`,
      );
    const tours = d.where('tour', 'waveId', waveId);
    const started = tours.find(
      (t) =>
        ['claimed', 'picking', 'completed', 'dropped'].includes(t.status) ||
        d.where('pick', 'tourId', t.id).some((p) => !p.undone),
    );
    if (started)
      return refuse(
        'wave-started',
        `${wave.name} cannot be cancelled: ${tourName(d, started.id)} is with ${operatorName(d, started.pickerId)}.`,
      );
    for (const task of d.where('pickTask', 'waveId', waveId))
      if (task.status === 'open') d.put('pickTask', { ...task, status: 'cancelled' });
    for (const tour of tours) d.put('tour', { ...tour, status: 'cancelled' });
    const lines = new Set<string>();
    const reserved = d.where('reservation', 'waveId', waveId);
    if (releaseStock) for (const id of releaseReservations(d, reserved)) lines.add(id);
    else
      for (const r of reserved) {
        d.put('reservation', { ...r, waveId: null });
        lines.add(r.backorderLineId);
      }
    d.put('wave', { ...wave, status: 'cancelled' });
    refreshLines(d, lines);
    return accepted;
  },
});
