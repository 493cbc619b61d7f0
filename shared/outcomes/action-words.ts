import { z } from 'zod';
import { sayIssues } from '../say-issues';
import type { DeviceEventType } from '../sync-api/events/catalogue';
import { EVENT_FIELD_WORDS } from '../sync-api/events/field-words';

// What a person did, named as they would name it: the sync problems screen and the server's
// refusals say "a hold on a line", never "backorder-line.held".
const ACTION_WORDS: Record<DeviceEventType, string> = {
  'backorder-line.held': 'a hold on a line',
  'backorder-line.released': 'a line released from hold',
  'allocation.committed': 'an allocation',
  'wave.released': 'a wave released',
  'wave.cancelled': 'a wave cancelled',
  'tour.assigned': 'a tour assigned',
  'stock.received': 'a receipt of stock',
  'tour.unassigned': 'a tour taken back',
  'tour.reassigned': 'a tour handed over',
  'floor-settings.changed': "a change to the floor's settings",
  'tour.claimed': 'a tour taken',
  'tote.assigned': 'a tote set up',
  'pick.confirmed': 'a pick',
  'short-pick.reported': 'a short pick',
  'pick.undone': 'an undone pick',
  'tour.completed': 'a tour completed',
  'totes.dropped': 'totes dropped',
  'location.counted': 'a count',
  'shipment.confirmed': 'a shipment',
  'shipment-item.removed': 'an item taken out of a shipment',
  'stock.returned': 'stock returned',
  'operator.pin-refused': 'a wrong PIN',
  'operator.pin-accepted': 'a right PIN after wrong ones',
  'operator.unlocked': 'a badge unlocked',
};

// "a pick"; an event no device sends (the OMS's, an admin's) keeps its type, for whoever runs
// the server.
export const actionName = (type: string): string =>
  Object.hasOwn(ACTION_WORDS, type) ? ACTION_WORDS[type as DeviceEventType] : `the event "${type}"`;

// "A pick", at the start of a sentence.
export const actionNameFirst = (type: string): string => {
  const name = actionName(type);
  return `${name[0]!.toUpperCase()}${name.slice(1)}`;
};

const fieldWords = (type: string) =>
  Object.hasOwn(EVENT_FIELD_WORDS, type) ? EVENT_FIELD_WORDS[type as DeviceEventType] : {};

// Why an action's payload cannot be recorded, field by field in words: "A hold on a line cannot
// be recorded as sent. The reason for the hold is empty: fill it in."
export const payloadRefusal = (type: string, error: z.ZodError): string =>
  `${actionNameFirst(type)} cannot be recorded as sent. ${sayIssues(error, fieldWords(type))}`;

// The same, for text no database can hold, found at a dotted path ("lines.0.lot").
export const brokenTextRefusal = (type: string, path: string, problem: string): string =>
  payloadRefusal(
    type,
    new z.ZodError([
      {
        code: 'custom',
        path: path === 'value' ? [] : path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
        message: problem,
        input: undefined,
      },
    ]),
  );
