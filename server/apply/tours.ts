import {
  TotesDroppedSchema,
  ToteAssignedSchema,
  TourClaimedSchema,
  TourCompletedSchema,
} from '../../shared/sync-api/events/picker';
import { TourAssignedSchema } from '../../shared/sync-api/events/lead';
import type { Queryable } from '../db/db';
import { accepted, defineEventType, rejected, type Outcome } from '../events/registry';
import { lockTour, operatorName, type TourRow } from './rows';

const HELD = ['assigned', 'claimed', 'picking'];

// A tour may be walked only by the picker who claimed it or was assigned it: two devices, even
// offline, never walk the same tour.
export const tourHeldBy = async (
  tx: Queryable,
  tourId: string,
  operatorId: string | null,
): Promise<{ tour: TourRow } | { refusal: Outcome }> => {
  const tour = await lockTour(tx, tourId);
  if (!tour) return { refusal: rejected('unknown-tour', `There is no tour ${tourId}.`) };
  if (tour.picker_id && tour.picker_id !== operatorId) {
    return {
      refusal: rejected(
        'tour-taken',
        `Tour ${tourId} is held by ${await operatorName(tx, tour.picker_id)}.`,
      ),
    };
  }
  if (!HELD.includes(tour.status) || tour.picker_id !== operatorId) {
    return {
      refusal: rejected(
        'tour-not-held',
        `Tour ${tourId} is ${tour.status}; claim it before picking it.`,
      ),
    };
  }
  return { tour };
};

export const tourAssigned = defineEventType({
  type: 'tour.assigned',
  from: ['device'],
  role: 'lead',
  payload: TourAssignedSchema,
  apply: async (tx, { tourId, pickerId }) => {
    const tour = await lockTour(tx, tourId);
    if (!tour) return rejected('unknown-tour', `There is no tour ${tourId}.`);
    const [picker] = await tx.query<{ role: string; active: boolean; name: string }>(
      'SELECT role, active, name FROM operators WHERE id = $1',
      [pickerId],
    );
    if (!picker || picker.role !== 'picker' || !picker.active) {
      return rejected('unknown-picker', `${picker?.name ?? pickerId} is not an active picker.`);
    }
    if (
      tour.status !== 'released' &&
      !(tour.status === 'assigned' && tour.picker_id === pickerId)
    ) {
      if (tour.picker_id)
        return rejected(
          'tour-taken',
          `Tour ${tourId} is held by ${await operatorName(tx, tour.picker_id)}.`,
        );
      return rejected('tour-not-open', `Tour ${tourId} is ${tour.status}.`);
    }
    await tx.query("UPDATE tours SET status = 'assigned', picker_id = $2 WHERE id = $1", [
      tourId,
      pickerId,
    ]);
    return accepted;
  },
});

// The server arbitrates: the first claim wins, a second is told who holds the tour.
export const tourClaimed = defineEventType({
  type: 'tour.claimed',
  from: ['device'],
  role: 'picker',
  payload: TourClaimedSchema,
  apply: async (tx, { tourId }, event) => {
    const tour = await lockTour(tx, tourId);
    if (!tour) return rejected('unknown-tour', `There is no tour ${tourId}.`);
    if (tour.picker_id && tour.picker_id !== event.operatorId) {
      return rejected(
        'tour-taken',
        `Tour ${tourId} is held by ${await operatorName(tx, tour.picker_id)}.`,
      );
    }
    if (tour.status === 'released' || tour.status === 'assigned') {
      await tx.query("UPDATE tours SET status = 'claimed', picker_id = $2 WHERE id = $1", [
        tourId,
        event.operatorId,
      ]);
      return accepted;
    }
    if (tour.status === 'claimed' || tour.status === 'picking') return accepted;
    return rejected('tour-not-open', `Tour ${tourId} is ${tour.status}.`);
  },
});

export const toteAssigned = defineEventType({
  type: 'tote.assigned',
  from: ['device'],
  role: 'picker',
  payload: ToteAssignedSchema,
  apply: async (tx, { tourId, toteCode, slot, orderId }, event) => {
    const held = await tourHeldBy(tx, tourId, event.operatorId);
    if ('refusal' in held) return held.refusal;
    const [inTour] = await tx.query(
      'SELECT 1 FROM pick_tasks WHERE tour_id = $1 AND order_id = $2 LIMIT 1',
      [tourId, orderId],
    );
    if (!inTour)
      return rejected(
        'order-not-in-tour',
        `Order ${orderId} has nothing to pick on tour ${tourId}.`,
      );
    const [elsewhere] = await tx.query<{ tour_id: string }>(
      "SELECT tour_id FROM totes WHERE tote_code = $1 AND status = 'picking' AND tour_id <> $2 LIMIT 1",
      [toteCode, tourId],
    );
    if (elsewhere)
      return rejected('tote-in-use', `Tote ${toteCode} is already on tour ${elsewhere.tour_id}.`);
    const mine = await tx.query<{ tote_code: string; slot: number; order_id: string }>(
      'SELECT tote_code, slot, order_id FROM totes WHERE tour_id = $1 AND (slot = $2 OR order_id = $3 OR tote_code = $4)',
      [tourId, slot, orderId, toteCode],
    );
    const same = mine.find(
      (t) => t.tote_code === toteCode && t.slot === slot && t.order_id === orderId,
    );
    if (same) return accepted;
    const clash = mine[0];
    if (clash) {
      return rejected(
        'slot-taken',
        clash.slot === slot
          ? `Slot ${slot} of tour ${tourId} already holds tote ${clash.tote_code}.`
          : clash.order_id === orderId
            ? `Order ${orderId} already has tote ${clash.tote_code} on this tour.`
            : `Tote ${toteCode} is already in slot ${clash.slot}.`,
      );
    }
    await tx.query(
      "INSERT INTO totes (id, tour_id, tote_code, slot, order_id, status) VALUES ($1, $2, $3, $4, $5, 'picking')",
      [`${tourId}|${toteCode}`, tourId, toteCode, slot, orderId],
    );
    return accepted;
  },
});

export const tourCompleted = defineEventType({
  type: 'tour.completed',
  from: ['device'],
  role: 'picker',
  payload: TourCompletedSchema,
  apply: async (tx, { tourId }, event) => {
    const held = await tourHeldBy(tx, tourId, event.operatorId);
    if ('refusal' in held) return held.refusal;
    const [{ open }] = (await tx.query<{ open: number }>(
      "SELECT count(*)::int AS open FROM pick_tasks WHERE tour_id = $1 AND status = 'open'",
      [tourId],
    )) as [{ open: number }];
    if (open > 0)
      return rejected(
        'tasks-open',
        `${open} pick task${open === 1 ? '' : 's'} of tour ${tourId} ${open === 1 ? 'is' : 'are'} still open.`,
      );
    await tx.query("UPDATE tours SET status = 'completed' WHERE id = $1", [tourId]);
    await tx.query(
      `UPDATE waves SET status = 'done' WHERE id = $1
          AND NOT EXISTS (SELECT 1 FROM tours WHERE wave_id = $1 AND status NOT IN ('completed', 'dropped', 'cancelled'))`,
      [held.tour.wave_id],
    );
    return accepted;
  },
});

export const totesDropped = defineEventType({
  type: 'totes.dropped',
  from: ['device'],
  role: 'picker',
  payload: TotesDroppedSchema,
  apply: async (tx, { tourId, packStation }, event) => {
    const tour = await lockTour(tx, tourId);
    if (!tour) return rejected('unknown-tour', `There is no tour ${tourId}.`);
    if (tour.picker_id !== event.operatorId)
      return rejected(
        'tour-taken',
        `Tour ${tourId} is held by ${await operatorName(tx, tour.picker_id)}.`,
      );
    if (tour.status !== 'completed')
      return rejected(
        'tour-not-completed',
        `Tour ${tourId} is ${tour.status}; complete it before dropping its totes.`,
      );
    await tx.query("UPDATE tours SET status = 'dropped' WHERE id = $1", [tourId]);
    await tx.query(
      "UPDATE totes SET status = 'dropped', pack_station = $2 WHERE tour_id = $1 AND status = 'picking'",
      [tourId, packStation],
    );
    return accepted;
  },
});
