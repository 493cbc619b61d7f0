import type { Tour } from '../domain/tour';
import type { Draft } from './draft';
import { operatorName, tourName } from './names';
import { accepted, defineRule, refuse, type RuleOutcome } from './rule';
import { cap, HOLDING } from './tours';

// What a lead does to a tour after release: take it back, or hand it to another picker.

// Whether the picker has begun the walk: a task done or short, or a tote put on the cart.
// A tour like that is on someone's cart; it can change hands but not go back to the shelf.
export const tourStarted = (d: Draft, tour: Tour): boolean =>
  tour.status === 'picking' ||
  d
    .where('pickTask', 'tourId', tour.id)
    .some((t) => t.status === 'picked' || t.status === 'short') ||
  d.where('tote', 'tourId', tour.id).some((t) => t.status === 'picking');

// "3 of 12 picks done": how far a started tour is, for the sentence that refuses to unassign it.
const doneOf = (d: Draft, tourId: string): string => {
  const tasks = d.where('pickTask', 'tourId', tourId).filter((t) => t.status !== 'cancelled');
  const done = tasks.filter((t) => t.status !== 'open').length;
  return `${done} of ${tasks.length} pick${tasks.length === 1 ? '' : 's'} done`;
};

const heldTour = (d: Draft, tourId: string): { tour: Tour } | { refusal: RuleOutcome } => {
  const tour = d.get('tour', tourId);
  if (!tour) return { refusal: refuse('unknown-tour', 'This tour is not on the floor any more.') };
  const name = cap(tourName(d, tourId));
  if (tour.status === 'released' || !tour.pickerId)
    return {
      refusal: refuse('tour-not-held', `${name} is not held by anyone: assign it instead.`),
    };
  if (tour.status === 'completed' || tour.status === 'dropped')
    return {
      refusal: refuse(
        'tour-not-open',
        `${name} is ${tour.status} by ${operatorName(d, tour.pickerId)}; nothing is left to pick.`,
      ),
    };
  if (!HOLDING.includes(tour.status))
    return { refusal: refuse('tour-not-open', `${name} is ${tour.status}.`) };
  return { tour };
};

// Back to released, offered to every picker again. Only before the walk began: a started tour's
// totes are on the picker's cart, so it is reassigned instead and the cart goes with it.
export const tourUnassigned = defineRule({
  type: 'tour.unassigned',
  apply: (d, { tourId }) => {
    const held = heldTour(d, tourId);
    if ('refusal' in held) return held.refusal;
    const { tour } = held;
    if (tourStarted(d, tour))
      return refuse(
        'tour-started',
        `${cap(tourName(d, tourId))} is started by ${operatorName(d, tour.pickerId)} (${doneOf(d, tourId)}): reassign it, and the new picker takes over the cart.`,
      );
    d.put('tour', { ...tour, status: 'released', pickerId: null });
    return accepted;
  },
});

// To another active picker. Not started: it waits for them as assigned. Started: it stays
// picking, and the new picker walks the rest of its tasks with the same cart and totes (picks
// already made keep who made them).
export const tourReassigned = defineRule({
  type: 'tour.reassigned',
  apply: (d, { tourId, pickerId }) => {
    const held = heldTour(d, tourId);
    if ('refusal' in held) return held.refusal;
    const { tour } = held;
    const picker = d.get('operator', pickerId);
    if (!picker || picker.role !== 'picker' || !picker.active)
      return refuse('unknown-picker', `${picker?.name ?? 'That person'} is not an active picker.`);
    if (tour.pickerId === pickerId)
      return refuse(
        'same-picker',
        `${cap(tourName(d, tourId))} is already with ${picker.name}: choose another picker.`,
      );
    const status = tourStarted(d, tour) ? 'picking' : 'assigned';
    d.put('tour', { ...tour, status, pickerId });
    return accepted;
  },
});
