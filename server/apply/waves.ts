import { WaveCancelledSchema, WaveReleasedSchema } from '../../shared/sync-api/events/lead';
import type { Queryable } from '../db/db';
import { accepted, defineEventType, rejected } from '../events/registry';
import { allocateLine } from './allocation';
import { operatorName, refreshLineStatus } from './rows';

// Moves `qty` of a line's unwaved reservation at a location into the wave, splitting a row when
// the wave takes part of it. False when there is not that much reserved and unwaved there.
const takeIntoWave = async (
  tx: Queryable,
  lineId: string,
  locationId: string,
  qty: number,
  waveId: string,
): Promise<boolean> => {
  const rows = await tx.query<{ id: string; qty: number }>(
    `SELECT id, qty FROM reservations WHERE backorder_line_id = $1 AND location_id = $2 AND wave_id IS NULL
      ORDER BY id FOR UPDATE`,
    [lineId, locationId],
  );
  if (rows.reduce((s, r) => s + r.qty, 0) < qty) return false;
  let need = qty;
  for (const r of rows) {
    if (need === 0) break;
    if (r.qty <= need) {
      await tx.query('UPDATE reservations SET wave_id = $2 WHERE id = $1', [r.id, waveId]);
      need -= r.qty;
    } else {
      await tx.query('UPDATE reservations SET qty = qty - $2 WHERE id = $1', [r.id, need]);
      await tx.query(
        `INSERT INTO reservations (id, backorder_line_id, location_id, sku_id, qty, wave_id)
         SELECT $1, backorder_line_id, location_id, sku_id, $2, $3 FROM reservations WHERE id = $4
         ON CONFLICT (id) DO UPDATE SET qty = reservations.qty + EXCLUDED.qty`,
        [`${r.id}~${waveId}`, need, waveId, r.id],
      );
      need = 0;
    }
  }
  return true;
};

// A wave: its tours and pick tasks in route order, each task drawing only on its own line's
// reservation at its own location. All or nothing.
export const waveReleased = defineEventType({
  type: 'wave.released',
  from: ['device'],
  role: 'lead',
  payload: WaveReleasedSchema,
  apply: async (tx, wave, event) => {
    const [exists] = await tx.query('SELECT 1 FROM waves WHERE id = $1', [wave.waveId]);
    if (exists) return rejected('wave-exists', `Wave ${wave.waveId} was already released.`);
    for (const line of wave.allocation ?? []) {
      const refusal = await allocateLine(tx, line, event.id);
      if (refusal)
        return rejected(refusal.code, `Wave ${wave.name} was not released: ${refusal.message}`);
    }
    await tx.query(
      "INSERT INTO waves (id, name, status, released_at, released_by) VALUES ($1, $2, 'released', $3, $4)",
      [wave.waveId, wave.name, event.receivedAt, event.operatorId],
    );
    const lines = new Set<string>();
    for (const tour of wave.tours) {
      await tx.query(
        "INSERT INTO tours (id, wave_id, sequence, status, picker_id, route_length_m) VALUES ($1, $2, $3, 'released', NULL, $4)",
        [tour.tourId, wave.waveId, tour.sequence, tour.routeLengthM],
      );
      for (const task of tour.tasks) {
        const [line] = await tx.query<{ order_id: string; sku_id: string; status: string }>(
          'SELECT order_id, sku_id, status FROM backorder_lines WHERE id = $1',
          [task.backorderLineId],
        );
        if (!line)
          return rejected(
            'unknown-line',
            `Wave ${wave.name}: there is no backorder line ${task.backorderLineId}.`,
          );
        if (
          !(await takeIntoWave(tx, task.backorderLineId, task.locationId, task.qty, wave.waveId))
        ) {
          return rejected(
            'task-without-reservation',
            `Wave ${wave.name}: task ${task.pickTaskId} asks for ${task.qty} of line ${task.backorderLineId} at ${task.locationId}, more than is reserved there and not already in a wave.`,
          );
        }
        await tx.query(
          `INSERT INTO pick_tasks (id, tour_id, wave_id, backorder_line_id, order_id, location_id, sku_id, qty, sequence, tote_slot, status)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open')`,
          [
            task.pickTaskId,
            tour.tourId,
            wave.waveId,
            task.backorderLineId,
            line.order_id,
            task.locationId,
            line.sku_id,
            task.qty,
            task.sequence,
            task.toteSlot,
          ],
        );
        lines.add(task.backorderLineId);
      }
    }
    await refreshLineStatus(tx, lines);
    return accepted;
  },
});

// Only a wave no picker has started: its stock stays reserved for its lines, out of any wave.
export const waveCancelled = defineEventType({
  type: 'wave.cancelled',
  from: ['device'],
  role: 'lead',
  payload: WaveCancelledSchema,
  apply: async (tx, { waveId }) => {
    const [wave] = await tx.query<{ status: string; name: string }>(
      'SELECT status, name FROM waves WHERE id = $1 FOR UPDATE',
      [waveId],
    );
    if (!wave) return rejected('unknown-wave', `There is no wave ${waveId}.`);
    if (wave.status !== 'released')
      return rejected(
        'wave-not-live',
        `Wave ${wave.name} is ${wave.status}; only a released wave can be cancelled.`,
      );
    const started = await tx.query<{ id: string; picker_id: string | null }>(
      `SELECT t.id, t.picker_id FROM tours t WHERE t.wave_id = $1
          AND (t.status IN ('claimed', 'picking', 'completed', 'dropped')
               OR EXISTS (SELECT 1 FROM picks p WHERE p.tour_id = t.id AND NOT p.undone))
        ORDER BY t.id LIMIT 1 FOR UPDATE`,
      [waveId],
    );
    if (started[0]) {
      return rejected(
        'wave-started',
        `Wave ${wave.name} cannot be cancelled: tour ${started[0].id} is with ${await operatorName(tx, started[0].picker_id)}.`,
      );
    }
    await tx.query(
      "UPDATE pick_tasks SET status = 'cancelled' WHERE wave_id = $1 AND status = 'open'",
      [waveId],
    );
    await tx.query("UPDATE tours SET status = 'cancelled' WHERE wave_id = $1", [waveId]);
    const lines = await tx.query<{ backorder_line_id: string }>(
      'UPDATE reservations SET wave_id = NULL WHERE wave_id = $1 RETURNING backorder_line_id',
      [waveId],
    );
    await tx.query("UPDATE waves SET status = 'cancelled' WHERE id = $1", [waveId]);
    await refreshLineStatus(
      tx,
      lines.map((l) => l.backorder_line_id),
    );
    return accepted;
  },
});
