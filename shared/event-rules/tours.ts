import type { Tour } from '../domain/tour';
import type { Draft } from './draft';
import { floorSettingsOf } from './floor-settings';
import { operatorName, tourName } from './names';
import { accepted, defineRule, refuse, type RuleOutcome } from './rule';

const HELD = ['assigned', 'claimed', 'picking'];

// A picker holds a tour from assignment or claim until its totes are dropped at packing.
export const HOLDING: Tour['status'][] = ['assigned', 'claimed', 'picking', 'completed'];

// One tour per picker (a floor setting, on by default): a claim of a released tour is refused
// while the picker holds another. A tour the lead assigned them is theirs to start regardless.
const otherTourHeld = (d: Draft, tourId: string, operatorId: string | null): Tour | undefined => {
  if (!operatorId || !floorSettingsOf(d).oneTourPerPicker) return undefined;
  return d
    .where('tour', 'pickerId', operatorId)
    .find((t) => t.id !== tourId && HOLDING.includes(t.status));
};

// A tour may be walked only by the picker who claimed it or was assigned it: two devices, even
// offline, never walk the same tour. The server runs this over the locked tour row, so of two
// claims the first in the log wins and the second is told who holds it.
export const tourHeldBy = (
  d: Draft,
  tourId: string,
  operatorId: string | null,
): { tour: Tour } | { refusal: RuleOutcome } => {
  const tour = d.get('tour', tourId);
  if (!tour) return { refusal: refuse('unknown-tour', 'This tour is not on the floor any more.') };
  if (tour.pickerId && tour.pickerId !== operatorId) {
    return {
      refusal: refuse(
        'tour-taken',
        `${cap(tourName(d, tourId))} is held by ${operatorName(d, tour.pickerId)}; take another tour.`,
      ),
    };
  }
  if (!HELD.includes(tour.status) || tour.pickerId !== operatorId) {
    return {
      refusal: refuse(
        'tour-not-held',
        `${cap(tourName(d, tourId))} is ${tour.status}; claim it before picking it.`,
      ),
    };
  }
  return { tour };
};

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const tourAssigned = defineRule({
  type: 'tour.assigned',
  apply: (d, { tourId, pickerId }) => {
    const tour = d.get('tour', tourId);
    if (!tour) return refuse('unknown-tour', 'This tour is not on the floor any more.');
    const picker = d.get('operator', pickerId);
    if (!picker || picker.role !== 'picker' || !picker.active)
      return refuse('unknown-picker', `${picker?.name ?? 'That person'} is not an active picker.`);
    if (tour.status !== 'released' && !(tour.status === 'assigned' && tour.pickerId === pickerId)) {
      if (tour.pickerId)
        return refuse(
          'tour-taken',
          `${cap(tourName(d, tourId))} is held by ${operatorName(d, tour.pickerId)}.`,
        );
      return refuse('tour-not-open', `${cap(tourName(d, tourId))} is ${tour.status}.`);
    }
    d.put('tour', { ...tour, status: 'assigned', pickerId });
    return accepted;
  },
});

export const tourClaimed = defineRule({
  type: 'tour.claimed',
  apply: (d, { tourId }, ctx) => {
    const tour = d.get('tour', tourId);
    if (!tour) return refuse('unknown-tour', 'This tour is not on the floor any more.');
    if (tour.pickerId && tour.pickerId !== ctx.operatorId)
      return refuse(
        'tour-taken',
        `${cap(tourName(d, tourId))} is held by ${operatorName(d, tour.pickerId)}; take another tour.`,
      );
    if (tour.status === 'released' || tour.status === 'assigned') {
      const other = tour.status === 'released' && otherTourHeld(d, tourId, ctx.operatorId);
      if (other)
        return refuse(
          'one-tour-at-a-time',
          `You already hold ${cap(tourName(d, other.id))}: finish or drop it first.`,
        );
      d.put('tour', { ...tour, status: 'claimed', pickerId: ctx.operatorId });
      return accepted;
    }
    if (tour.status === 'claimed' || tour.status === 'picking') return accepted;
    return refuse('tour-not-open', `${cap(tourName(d, tourId))} is ${tour.status}.`);
  },
});

export const toteAssigned = defineRule({
  type: 'tote.assigned',
  apply: (d, { tourId, toteCode, slot, orderId }, ctx) => {
    const held = tourHeldBy(d, tourId, ctx.operatorId);
    if ('refusal' in held) return held.refusal;
    if (!d.where('pickTask', 'tourId', tourId).some((t) => t.orderId === orderId))
      return refuse(
        'order-not-in-tour',
        `Order ${orderId} has nothing to pick on ${tourName(d, tourId)}.`,
      );
    const elsewhere = d
      .where('tote', 'toteCode', toteCode)
      .find((t) => t.status === 'picking' && t.tourId !== tourId);
    if (elsewhere)
      return refuse(
        'tote-in-use',
        `Tote ${toteCode} is already on ${tourName(d, elsewhere.tourId)}; take an empty tote.`,
      );
    const mine = d
      .where('tote', 'tourId', tourId)
      .filter((t) => t.slot === slot || t.orderId === orderId || t.toteCode === toteCode);
    if (mine.some((t) => t.toteCode === toteCode && t.slot === slot && t.orderId === orderId))
      return accepted;
    const clash = mine[0];
    if (clash) {
      return refuse(
        'slot-taken',
        clash.slot === slot
          ? `Slot ${slot} of this cart already holds tote ${clash.toteCode}.`
          : clash.orderId === orderId
            ? `Order ${orderId} already has tote ${clash.toteCode} on this cart.`
            : `Tote ${toteCode} is already in slot ${clash.slot}.`,
      );
    }
    d.put('tote', {
      id: `${tourId}|${toteCode}`,
      tourId,
      toteCode,
      slot,
      orderId,
      status: 'picking',
      packStation: null,
    });
    return accepted;
  },
});

export const tourCompleted = defineRule({
  type: 'tour.completed',
  apply: (d, { tourId }, ctx) => {
    const held = tourHeldBy(d, tourId, ctx.operatorId);
    if ('refusal' in held) return held.refusal;
    const open = d.where('pickTask', 'tourId', tourId).filter((t) => t.status === 'open').length;
    if (open > 0)
      return refuse(
        'tasks-open',
        `${open} pick${open === 1 ? '' : 's'} of ${tourName(d, tourId)} ${open === 1 ? 'is' : 'are'} still open: pick or short ${open === 1 ? 'it' : 'them'} first.`,
      );
    d.put('tour', { ...held.tour, status: 'completed' });
    const wave = d.get('wave', held.tour.waveId);
    const ended = ['completed', 'dropped', 'cancelled'];
    if (wave && d.where('tour', 'waveId', wave.id).every((t) => ended.includes(t.status)))
      d.put('wave', { ...wave, status: 'done' });
    return accepted;
  },
});

export const totesDropped = defineRule({
  type: 'totes.dropped',
  apply: (d, { tourId, packStation }, ctx) => {
    const tour = d.get('tour', tourId);
    if (!tour) return refuse('unknown-tour', 'This tour is not on the floor any more.');
    if (tour.pickerId !== ctx.operatorId)
      return refuse(
        'tour-taken',
        `${cap(tourName(d, tourId))} is held by ${operatorName(d, tour.pickerId)}.`,
      );
    if (tour.status !== 'completed')
      return refuse(
        'tour-not-completed',
        `${cap(tourName(d, tourId))} is ${tour.status}; complete it before dropping its totes.`,
      );
    d.put('tour', { ...tour, status: 'dropped' });
    for (const tote of d.where('tote', 'tourId', tourId))
      if (tote.status === 'picking') d.put('tote', { ...tote, status: 'dropped', packStation });
    return accepted;
  },
});
