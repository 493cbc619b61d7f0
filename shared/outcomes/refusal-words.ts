import { actionFor, nextStepFor, screenFor, type NextStep, type StepAction } from './next-step';
import type { RefusalNames } from './refusal-subject';

// A refused event, told to the person who did it: what happened (in their words, with names),
// the server's own sentence, and what to do next, with the button for it where there is one.
export interface RefusalNotice {
  step: NextStep;
  screen: ReturnType<typeof screenFor>;
  headline: string;
  // The server's sentence, as it gave it: the detail behind the headline.
  detail: string;
  next: string;
  action: StepAction | null;
}

// Why, in a few words, by code; the server's sentence says the rest.
const WHY: Record<string, string> = {
  'stock-gone': 'its stock went to another release first',
  'over-allocated': 'its lines were already allocated by another release',
  'nothing-allocated': 'its stock went to another release first',
  'task-without-reservation': 'its stock went to another release first',
  'wave-exists': 'it was released already',
  'line-cancelled': 'a line in it was cancelled',
  'line-held': 'a line in it is on hold',
  'line-shipped': 'a line in it has shipped',
  'location-needs-count': 'a location in it must be counted first',
  'wave-started': 'a picker has started it',
  'wave-not-live': 'it is no longer live',
  'tour-taken': 'another picker holds the tour',
  'tour-not-held': 'the tour is not yours',
  'tour-not-open': 'the tour is no longer open',
  'tour-started': 'the picker has started it',
  'same-picker': 'that picker has it already',
  'one-tour-at-a-time': 'you already hold a tour',
  'unknown-tour': 'the server does not know the tour',
  'unknown-picker': 'the server does not know the picker',
  'line-not-open': 'the line is not open',
  'line-not-held': 'the line is not on hold',
  'task-closed': 'the task was already closed',
  'over-pick': 'it is more than the task asks for',
  'wrong-tote': "it names another order's tote",
  expired: 'the item had expired',
  'not-reserved': 'the stock is no longer reserved for it',
  'not-short': 'the whole quantity was found',
  'tote-required': 'it needs a tote',
  'tote-in-use': 'the tote is in use on another tour',
  'slot-taken': 'the slot has a tote already',
  'tasks-open': 'tasks are still open',
  'tour-not-completed': 'the tour is not completed',
  'not-last-pick': 'only the last pick can be undone',
  'unknown-location': 'the server does not know the location',
  'unknown-sku': 'the server does not know the item',
  'shipment-exists': 'it was confirmed already',
  'not-picked': 'its items are not all picked',
  'bad-tracking-number': 'the tracking number is not valid for the carrier',
  'ship-complete-incomplete': 'the order ships complete and is not all here',
  'unknown-expected-receipt': 'the expected receipt is no longer expected',
  'expected-receipt-other-sku': 'the expected receipt is for another item',
  'stock-too-large': 'the quantity is more than a location can be counted to hold',
  'operator-unknown': 'the server does not know your badge',
  'operator-inactive': 'your badge is deactivated',
  'role-required': 'your role may not do this',
  'role-not-on-device': 'this device may not sign your role in',
  'not-locked': 'the badge was not locked',
  'stock-kept-by-oms': "the shop's system keeps the stock here",
};

// The codes with words of their own (a test walks them all for what a person must not read).
export const WORDED_CODES: readonly string[] = Object.keys(WHY);

const why = (code: string) => WHY[code] ?? 'the server refused it';

const or = (name: string | undefined, fallback: string) => name ?? fallback;

// What happened, by what the person was doing.
const headlineOf = (type: string, code: string, n: RefusalNames): string => {
  const wave = or(n.wave, 'The wave');
  const tour = or(n.tour, 'The tour');
  const line = n.line ? `Line ${n.line}` : 'The line';
  switch (type) {
    case 'wave.released':
      return `${wave} was not released: ${why(code)}.`;
    case 'allocation.committed':
      // One line the server refused while the rest was committed (renderer/sync/part-refusals.ts).
      return n.line
        ? `${line} was not allocated: ${why(code)}.`
        : `Your allocation was not committed: ${why(code)}.`;
    case 'wave.cancelled':
      return `${wave} was not cancelled: ${why(code)}.`;
    case 'tour.assigned':
      return `${tour} was not assigned${n.picker ? ` to ${n.picker}` : ''}: ${why(code)}.`;
    case 'tour.unassigned':
      return `${tour} was not taken back: ${why(code)}.`;
    case 'tour.reassigned':
      return `${tour} was not handed${n.picker ? ` to ${n.picker}` : ' over'}: ${why(code)}.`;
    case 'operator.unlocked':
      return `${or(n.picker, 'The badge')} was not unlocked: ${why(code)}.`;
    case 'operator.pin-refused':
    case 'operator.pin-accepted':
      return `Your sign-in was not counted by the server: ${why(code)}.`;
    case 'floor-settings.changed':
      return `Your change to the floor's settings was not saved: ${why(code)}.`;
    case 'backorder-line.held':
      return `${line} was not put on hold: ${why(code)}.`;
    case 'backorder-line.released':
      return `${line} was not released from hold: ${why(code)}.`;
    case 'tour.claimed':
      return code === 'tour-taken'
        ? `${tour} went to another picker first.`
        : `${tour} could not be yours: ${why(code)}.`;
    case 'tote.assigned':
      return `Your tote for ${lower(tour)} was not recorded: ${why(code)}.`;
    case 'pick.confirmed':
      return `Your pick${n.sku ? ` of ${n.sku}` : ''} on ${lower(tour)} was not recorded: ${why(code)}.`;
    case 'short-pick.reported':
      return `Your short pick${n.sku ? ` of ${n.sku}` : ''} on ${lower(tour)} was not recorded: ${why(code)}.`;
    case 'pick.undone':
      return `Your undo on ${lower(tour)} was not recorded: ${why(code)}.`;
    case 'tour.completed':
      return `${tour} was not completed: ${why(code)}.`;
    case 'totes.dropped':
      return `The totes of ${lower(tour)} were not recorded as dropped: ${why(code)}.`;
    case 'location.counted':
      return `Your count${n.sku ? ` of ${n.sku}` : ''}${n.location ? ` at ${n.location}` : ''} was refused: ${why(code)}.`;
    case 'shipment.confirmed':
      return `The shipment${n.order ? ` of order ${n.order}` : ''} was not confirmed: ${why(code)}.`;
    case 'shipment-item.removed':
      return `${line} was not taken out of the shipment: ${why(code)}.`;
    case 'stock.received':
      return `Your receipt${n.sku ? ` of ${n.sku}` : ''}${n.location ? ` at ${n.location}` : ''} was not recorded: ${why(code)}.`;
    case 'stock.returned':
      return `The return${n.sku ? ` of ${n.sku}` : ''}${n.location ? ` to ${n.location}` : ''} was not recorded: ${why(code)}.`;
    default:
      return `What you did was refused: ${why(code)}.`;
  }
};

// "Tour 2 of Wave 1" reads the same mid-sentence; only the fallback starts lower-case.
const lower = (name: string) => (name === 'The tour' ? 'the tour' : name);

const NEXT: Record<NextStep, string> = {
  're-plan': 'Plan the waves again: the new plan uses only the stock that is still free.',
  'assign-another': 'Assign another released tour, or see who has this one.',
  'check-wave': 'Open the floor to see where the wave stands.',
  'check-floor': 'Open the floor to see where the tour stands and who has it.',
  'check-locks': 'Open the floor to see who is still locked out of signing in.',
  'finish-tour': 'Finish the tour you hold and drop its totes, then take the next one.',
  'check-settings': 'Open the plan to see the settings every station uses now.',
  'check-line': 'Open the backorder queue to see where the line stands.',
  'take-another-tour': 'Take another tour: this one is not yours.',
  'check-tour': 'Open the tour to see what is left to pick.',
  recount: 'Count the location again: the server keeps its stock as it was until a count is taken.',
  'check-shipment': "Check the order's totes and confirm the shipment again.",
  'check-receipt':
    'Open receiving, check the item, location and quantity, and receive the stock again: the server did not add it.',
  'check-operator': 'Ask a lead to check your badge and role, then sign in again.',
  'tell-support':
    'Tell whoever looks after the server: this action cannot be sent as it is, and doing it again will not help.',
};

export const describeRefusal = (
  r: { type: string; code: string; message: string },
  names: RefusalNames,
  tourId?: string,
): RefusalNotice => {
  const step = nextStepFor(r.type, r.code);
  return {
    step,
    screen: screenFor(r.type),
    headline: headlineOf(r.type, r.code, names),
    detail: r.message,
    next: NEXT[step],
    action: actionFor(step, tourId),
  };
};

// The status bar's count: "1 refused".
export const refusedCount = (n: number): string => `${n} refused`;
