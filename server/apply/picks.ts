import {
  LocationCountedSchema,
  PickConfirmedSchema,
  PickUndoneSchema,
  ShortPickReportedSchema,
} from '../../shared/sync-api/events/picker';
import type { Queryable } from '../db/db';
import {
  accepted,
  defineEventType,
  rejected,
  type LoggedEvent,
  type Outcome,
} from '../events/registry';
import { refreshLineStatus, releaseReservations } from './rows';
import { tourHeldBy } from './tours';

interface TaskRow {
  id: string;
  tour_id: string;
  wave_id: string;
  backorder_line_id: string;
  order_id: string;
  location_id: string;
  sku_id: string;
  qty: number;
  tote_slot: number;
  status: string;
  picked_qty: number;
  short_qty: number;
}

const lockTask = async (tx: Queryable, id: string): Promise<TaskRow | null> =>
  (await tx.query<TaskRow>('SELECT * FROM pick_tasks WHERE id = $1 FOR UPDATE', [id]))[0] ?? null;

// The task must be open and on a tour this operator holds.
const openTaskOfOperator = async (
  tx: Queryable,
  taskId: string,
  operatorId: string | null,
): Promise<{ task: TaskRow } | { refusal: Outcome }> => {
  const task = await lockTask(tx, taskId);
  if (!task) return { refusal: rejected('unknown-task', `There is no pick task ${taskId}.`) };
  const held = await tourHeldBy(tx, task.tour_id, operatorId);
  if ('refusal' in held) return held;
  if (task.status !== 'open')
    return { refusal: rejected('task-closed', `Pick task ${taskId} is ${task.status}.`) };
  return { task };
};

// Moves qty from the location's reservation into the tote and the line's picked quantity.
const pickInto = async (
  tx: Queryable,
  task: TaskRow,
  qty: number,
  toteCode: string,
  label: { lot?: string; serial?: string; expiry?: string },
  pickId: string,
  event: LoggedEvent,
): Promise<Outcome | null> => {
  const [tote] = await tx.query<{ slot: number; order_id: string; status: string }>(
    'SELECT slot, order_id, status FROM totes WHERE tour_id = $1 AND tote_code = $2',
    [task.tour_id, toteCode],
  );
  if (!tote) return rejected('wrong-tote', `Tote ${toteCode} is not on this tour's cart.`);
  if (tote.order_id !== task.order_id || tote.slot !== task.tote_slot) {
    return rejected(
      'wrong-tote',
      `Tote ${toteCode} holds order ${tote.order_id}; this pick goes to order ${task.order_id} in slot ${task.tote_slot}.`,
    );
  }
  if (label.expiry && label.expiry < event.businessDate) {
    return rejected('expired', `This item expired on ${label.expiry}; take another.`);
  }
  const reserved = await tx.query<{ id: string; qty: number }>(
    'SELECT id, qty FROM reservations WHERE backorder_line_id = $1 AND location_id = $2 AND wave_id = $3 ORDER BY id FOR UPDATE',
    [task.backorder_line_id, task.location_id, task.wave_id],
  );
  if (reserved.reduce((s, r) => s + r.qty, 0) < qty) {
    return rejected(
      'not-reserved',
      `Only ${reserved.reduce((s, r) => s + r.qty, 0)} of line ${task.backorder_line_id} is reserved at ${task.location_id}.`,
    );
  }
  let need = qty;
  for (const r of reserved) {
    if (need === 0) break;
    const take = Math.min(r.qty, need);
    if (take === r.qty) await tx.query('DELETE FROM reservations WHERE id = $1', [r.id]);
    else await tx.query('UPDATE reservations SET qty = qty - $2 WHERE id = $1', [r.id, take]);
    need -= take;
  }
  await tx.query(
    'UPDATE stock SET on_hand = on_hand - $2, reserved = reserved - $2 WHERE id = $1',
    [`${task.location_id}|${task.sku_id}`, qty],
  );
  await tx.query('UPDATE backorder_lines SET qty_picked = qty_picked + $2 WHERE id = $1', [
    task.backorder_line_id,
    qty,
  ]);
  await tx.query(
    `UPDATE pick_tasks SET picked_qty = picked_qty + $2,
            status = CASE WHEN picked_qty + $2 + short_qty >= qty THEN 'picked' ELSE status END
      WHERE id = $1`,
    [task.id, qty],
  );
  await tx.query(
    `INSERT INTO picks (id, pick_task_id, tour_id, backorder_line_id, location_id, sku_id, tote_code, qty, lot, serial, expiry, picked_by, picked_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      pickId,
      task.id,
      task.tour_id,
      task.backorder_line_id,
      task.location_id,
      task.sku_id,
      toteCode,
      qty,
      label.lot ?? null,
      label.serial ?? null,
      label.expiry ?? null,
      event.operatorId,
      event.at,
    ],
  );
  await tx.query(
    "UPDATE tours SET status = 'picking' WHERE id = $1 AND status IN ('assigned', 'claimed')",
    [task.tour_id],
  );
  await tx.query("UPDATE waves SET status = 'picking' WHERE id = $1 AND status = 'released'", [
    task.wave_id,
  ]);
  return null;
};

export const pickConfirmed = defineEventType({
  type: 'pick.confirmed',
  from: ['device'],
  role: 'picker',
  payload: PickConfirmedSchema,
  apply: async (tx, p, event) => {
    const found = await openTaskOfOperator(tx, p.pickTaskId, event.operatorId);
    if ('refusal' in found) return found.refusal;
    const { task } = found;
    const left = task.qty - task.picked_qty - task.short_qty;
    if (p.qty > left)
      return rejected(
        'over-pick',
        `Pick task ${task.id} asks for ${left} more; ${p.qty} is too many.`,
      );
    const refusal = await pickInto(tx, task, p.qty, p.toteCode, p, event.id, event);
    if (refusal) return refusal;
    await refreshLineStatus(tx, [task.backorder_line_id]);
    return accepted;
  },
});

// The bin had less than the task asked for. What was found goes in the tote; the rest goes back
// to the line's backorder; the location's stock becomes what was there (none is left now), every
// other reservation on it is released, and it is flagged for a count so no one is sent there
// again before it is counted.
export const shortPickReported = defineEventType({
  type: 'short-pick.reported',
  from: ['device'],
  role: 'picker',
  payload: ShortPickReportedSchema,
  apply: async (tx, p, event) => {
    const found = await openTaskOfOperator(tx, p.pickTaskId, event.operatorId);
    if ('refusal' in found) return found.refusal;
    const { task } = found;
    const left = task.qty - task.picked_qty - task.short_qty;
    if (p.foundQty >= left)
      return rejected(
        'not-short',
        `Pick task ${task.id} asks for ${left}; finding ${p.foundQty} is a full pick, not a short one.`,
      );
    if (p.foundQty > 0) {
      if (!p.toteCode)
        return rejected('tote-required', 'Say which tote the found items went into.');
      const refusal = await pickInto(
        tx,
        task,
        p.foundQty,
        p.toteCode,
        {},
        `${event.id}:found`,
        event,
      );
      if (refusal) return refusal;
    }
    const unfound = left - p.foundQty;
    await tx.query(
      "UPDATE pick_tasks SET short_qty = short_qty + $2, status = 'short' WHERE id = $1",
      [task.id, unfound],
    );
    await tx.query('UPDATE backorder_lines SET qty_short = qty_short + $2 WHERE id = $1', [
      task.backorder_line_id,
      unfound,
    ]);
    const touched = await releaseReservations(tx, {
      locationId: task.location_id,
      skuId: task.sku_id,
    });
    await tx.query('UPDATE stock SET on_hand = 0 WHERE id = $1', [
      `${task.location_id}|${task.sku_id}`,
    ]);
    await tx.query('UPDATE locations SET count_required = true WHERE id = $1', [task.location_id]);
    await refreshLineStatus(tx, [task.backorder_line_id, ...touched]);
    return accepted;
  },
});

// Takes back the operator's last pick on a tour still being picked.
export const pickUndone = defineEventType({
  type: 'pick.undone',
  from: ['device'],
  role: 'picker',
  payload: PickUndoneSchema,
  apply: async (tx, { pickId }, event) => {
    const [pick] = await tx.query<{
      id: string;
      pick_task_id: string;
      tour_id: string;
      backorder_line_id: string;
      location_id: string;
      sku_id: string;
      qty: number;
      undone: boolean;
      picked_by: string;
    }>(
      'SELECT id, pick_task_id, tour_id, backorder_line_id, location_id, sku_id, qty, undone, picked_by FROM picks WHERE id = $1 FOR UPDATE',
      [pickId],
    );
    if (!pick || pick.undone)
      return rejected('unknown-pick', `There is no pick ${pickId} to undo.`);
    const held = await tourHeldBy(tx, pick.tour_id, event.operatorId);
    if ('refusal' in held) return held.refusal;
    const [last] = await tx.query<{ id: string }>(
      `SELECT p.id FROM picks p JOIN events e ON e.id = p.id
        WHERE p.tour_id = $1 AND p.picked_by = $2 AND NOT p.undone ORDER BY e.log_id DESC LIMIT 1`,
      [pick.tour_id, event.operatorId],
    );
    if (last?.id !== pickId)
      return rejected('not-last-pick', 'Only the last pick on this tour can be undone.');
    const [task] = await tx.query<{ wave_id: string; status: string }>(
      'SELECT wave_id, status FROM pick_tasks WHERE id = $1 FOR UPDATE',
      [pick.pick_task_id],
    );
    if (task!.status === 'short' || task!.status === 'cancelled')
      return rejected('task-closed', `Pick task ${pick.pick_task_id} is ${task!.status}.`);
    await tx.query(
      'UPDATE stock SET on_hand = on_hand + $2, reserved = reserved + $2 WHERE id = $1',
      [`${pick.location_id}|${pick.sku_id}`, pick.qty],
    );
    await tx.query(
      `INSERT INTO reservations (id, backorder_line_id, location_id, sku_id, qty, wave_id) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        `${pickId}:undone`,
        pick.backorder_line_id,
        pick.location_id,
        pick.sku_id,
        pick.qty,
        task!.wave_id,
      ],
    );
    await tx.query('UPDATE backorder_lines SET qty_picked = qty_picked - $2 WHERE id = $1', [
      pick.backorder_line_id,
      pick.qty,
    ]);
    await tx.query(
      "UPDATE pick_tasks SET picked_qty = picked_qty - $2, status = 'open' WHERE id = $1",
      [pick.pick_task_id, pick.qty],
    );
    await tx.query('UPDATE picks SET undone = true WHERE id = $1', [pickId]);
    await refreshLineStatus(tx, [pick.backorder_line_id]);
    return accepted;
  },
});

// A count is the truth about a location: stock becomes what was counted, reservations that no
// longer fit are released, and the count flag is cleared.
export const locationCounted = defineEventType({
  type: 'location.counted',
  from: ['device'],
  role: 'picker',
  payload: LocationCountedSchema,
  apply: async (tx, { locationId, skuId, qty }) => {
    const [loc] = await tx.query('SELECT 1 FROM locations WHERE id = $1 FOR UPDATE', [locationId]);
    if (!loc) return rejected('unknown-location', `There is no location ${locationId}.`);
    const [sku] = await tx.query('SELECT 1 FROM skus WHERE id = $1', [skuId]);
    if (!sku) return rejected('unknown-sku', `There is no SKU ${skuId}.`);
    const id = `${locationId}|${skuId}`;
    const [stock] = await tx.query<{ reserved: number }>(
      'SELECT reserved FROM stock WHERE id = $1 FOR UPDATE',
      [id],
    );
    let touched: string[] = [];
    if (stock && stock.reserved > qty)
      touched = await releaseReservations(tx, { locationId, skuId });
    await tx.query(
      `INSERT INTO stock (id, location_id, sku_id, on_hand) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET on_hand = EXCLUDED.on_hand`,
      [id, locationId, skuId, qty],
    );
    await tx.query('UPDATE locations SET count_required = false WHERE id = $1', [locationId]);
    await refreshLineStatus(tx, touched);
    return accepted;
  },
});
