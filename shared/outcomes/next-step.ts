// What a person does next about an event the server refused, and on which screen they see it.
// Decided by the event's type first (what the person was doing) and the code second (why it
// failed), so a new rejection code of a known type still gets that type's step.

export type NextStep =
  // A wave or an allocation lost its lines or stock (another lead's release came first).
  | 're-plan'
  // A tour the lead handed out went to another picker, or is no longer open.
  | 'assign-another'
  // A wave the lead meant to cancel has started or is done.
  | 'check-wave'
  // A tour the lead meant to take back or hand over has moved on (started, done, someone else's).
  | 'check-floor'
  // A lead's unlock of a badge did not take (it was not locked, or the lock had run out).
  | 'check-locks'
  // A change to how the floor runs did not take.
  | 'check-settings'
  // A hold or release of a backorder line did not take.
  | 'check-line'
  // The picker's claim was lost, or the tour is someone else's now.
  | 'take-another-tour'
  // The picker tried to claim a tour while holding one (one tour per picker).
  | 'finish-tour'
  // A step of the picker's own tour was refused (a task already closed, an over-pick…).
  | 'check-tour'
  // A count was refused.
  | 'recount'
  // A packing or shipping step was refused.
  | 'check-shipment'
  // A receipt was refused (an item or location the server does not know, an expected receipt gone).
  | 'check-receipt'
  // The operator may not do this (badge unknown, inactive, another role).
  | 'check-operator'
  // The event itself cannot go as it is: nothing the person can fix on the floor.
  | 'tell-support';

// Where the person acted: the notice shows there, and on their home screen.
export type RefusalScreen = 'plan' | 'floor' | 'queue' | 'picking' | 'pack' | 'receive' | 'home';

const PLAN_TYPES: Record<string, NextStep> = {
  'wave.released': 're-plan',
  'allocation.committed': 're-plan',
  'floor-settings.changed': 'check-settings',
};
// What the lead does to released waves and tours, on the floor screen.
const FLOOR_TYPES: Record<string, NextStep> = {
  'wave.cancelled': 'check-wave',
  'tour.assigned': 'assign-another',
  'tour.unassigned': 'check-floor',
  'tour.reassigned': 'check-floor',
  'operator.unlocked': 'check-locks',
};
// A PIN typed at sign-in, told to the server (shared/auth/pin-lock.ts).
const SIGN_IN_TYPES = new Set(['operator.pin-refused', 'operator.pin-accepted']);
const QUEUE_TYPES = new Set(['backorder-line.held', 'backorder-line.released']);
const TOUR_STEPS = new Set([
  'tote.assigned',
  'pick.confirmed',
  'short-pick.reported',
  'pick.undone',
  'tour.completed',
  'totes.dropped',
]);
const PACK_TYPES = new Set(['shipment.confirmed', 'shipment-item.removed', 'stock.returned']);

// The pipeline's own codes (docs/sync-api.md) and the device's (too large, refused by schema):
// the event is broken, whatever its type.
const BROKEN_EVENT = new Set([
  'id-reused',
  'seq-reused',
  'unknown-type',
  'invalid-payload',
  'constraint-violated',
  'data-refused',
  'bad-request',
  'too-large',
]);
const OPERATOR_CODES = new Set([
  'operator-required',
  'operator-unknown',
  'operator-inactive',
  'role-required',
  'role-not-on-device',
]);
// A tour step refused because the tour is not (or no longer) the picker's.
const NOT_YOUR_TOUR = new Set(['tour-taken', 'tour-not-held', 'unknown-tour', 'tour-not-open']);

export const nextStepFor = (type: string, code: string): NextStep => {
  if (BROKEN_EVENT.has(code)) return 'tell-support';
  if (OPERATOR_CODES.has(code)) return 'check-operator';
  const plan = PLAN_TYPES[type] ?? FLOOR_TYPES[type];
  if (plan) return plan;
  if (QUEUE_TYPES.has(type)) return 'check-line';
  if (SIGN_IN_TYPES.has(type)) return 'check-operator';
  if (type === 'tour.claimed')
    return code === 'one-tour-at-a-time' ? 'finish-tour' : 'take-another-tour';
  if (TOUR_STEPS.has(type)) return NOT_YOUR_TOUR.has(code) ? 'take-another-tour' : 'check-tour';
  if (type === 'location.counted') return 'recount';
  if (PACK_TYPES.has(type)) return 'check-shipment';
  if (type === 'stock.received') return 'check-receipt';
  return 'tell-support';
};

export const screenFor = (type: string): RefusalScreen => {
  if (type in PLAN_TYPES) return 'plan';
  if (type in FLOOR_TYPES) return 'floor';
  if (QUEUE_TYPES.has(type)) return 'queue';
  if (type === 'tour.claimed' || TOUR_STEPS.has(type) || type === 'location.counted')
    return 'picking';
  if (PACK_TYPES.has(type)) return 'pack';
  if (type === 'stock.received') return 'receive';
  return 'home';
};

// The one button for the next step, where the app has the screen for it: a count has none yet,
// and a broken event or a badge is not for the floor to fix.
export interface StepAction {
  label: string;
  path: string;
}

export const actionFor = (step: NextStep, tourId?: string): StepAction | null => {
  switch (step) {
    case 're-plan':
      return { label: 'Plan waves again', path: '/plan' };
    case 'assign-another':
      return { label: 'Assign another tour', path: '/floor' };
    case 'check-wave':
    case 'check-floor':
    case 'check-locks':
      return { label: 'Open the floor', path: '/floor' };
    case 'check-settings':
      return { label: 'Open the plan', path: '/plan' };
    case 'check-line':
      return { label: 'Open the backorder queue', path: '/queue' };
    case 'take-another-tour':
      return { label: 'Take another tour', path: '/pick' };
    case 'finish-tour':
      return { label: 'Open your tours', path: '/pick' };
    case 'check-tour':
      return tourId
        ? { label: 'Open the tour', path: `/pick/${encodeURIComponent(tourId)}` }
        : { label: 'Open your tours', path: '/pick' };
    case 'check-shipment':
      return { label: 'Open the pack station', path: '/pack' };
    case 'check-receipt':
      return { label: 'Open receiving', path: '/receive' };
    case 'recount':
    case 'check-operator':
    case 'tell-support':
      return null;
  }
};
