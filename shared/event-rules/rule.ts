import {
  DEVICE_EVENTS,
  type DeviceEventType,
  type DevicePayload,
} from '../sync-api/events/catalogue';
import type { Draft } from './draft';

// One part of an event refused on its own (one line of an allocation), the rest applied.
export interface PartRefused {
  subject: string;
  code: string;
  message: string;
}

// What a rule answers: applied (perhaps with parts refused), or refused with a code and a
// sentence for a person. The server logs it; the device shows it.
export type RuleOutcome =
  { ok: true; refused?: PartRefused[] } | { ok: false; code: string; message: string };

export const accepted: RuleOutcome = { ok: true };
export const refuse = (code: string, message: string): RuleOutcome => ({
  ok: false,
  code,
  message,
});

// What only the server's log can tell. The device passes null and the rule skips the check:
// the server still decides, and the device's view is corrected when it answers.
export interface LogFacts {
  // The operator's last pick on a tour that is not undone, in the log's order.
  lastPickOnTour(tourId: string, operatorId: string): string | null;
}

export interface RuleContext {
  eventId: string;
  operatorId: string | null;
  // When the person did it: the event's `at` (the server clamps one far ahead of its receipt).
  at: string;
  // The business date of `at` in the warehouse's time zone (YYYY-MM-DD): what date rules compare.
  today: string;
  log: LogFacts | null;
}

// One device event type's rule; its payload schema and role are the catalogue's
// (shared/sync-api/events/catalogue.ts). The rule is synchronous and reads only through the
// draft, so the device runs it over its own rows (optimistically) and the server over the rows
// it has locked (authoritatively): one rule, two runners.
export interface EventRule<T extends DeviceEventType = DeviceEventType> {
  type: T;
  apply(draft: Draft, payload: DevicePayload<T>, ctx: RuleContext): RuleOutcome;
}

export const defineRule = <T extends DeviceEventType>(rule: EventRule<T>): EventRule<T> => rule;

export const specOf = (type: DeviceEventType) => DEVICE_EVENTS[type];
