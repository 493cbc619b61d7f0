import { payloadRefusal } from '../outcomes/action-words';
import { DEVICE_EVENTS, type DeviceEventType } from '../sync-api/events/catalogue';
import { Draft } from './draft';
import { RULES } from './index';
import type { EventRule, PartRefused } from './rule';
import type { RowChange, Tables } from './tables';

// An event as the device holds it in its outbox.
export interface LocalEvent {
  id: string;
  type: string;
  operatorId: string | null;
  at: string;
  payload: unknown;
  // The business date of `at` in the warehouse's zone, where the caller knows the zone.
  today?: string;
}

// What laying an event over the device's rows gives: its changes, or why the device can already
// tell it will not apply (the server still decides; this keeps the screen honest).
export type LocalOutcome =
  | { ok: true; changes: RowChange[]; refused?: PartRefused[] }
  | { ok: false; code: string; reason: string };

// The business date of an instant; the warehouse's zone where the device knows it.
export type BusinessDay = (at: string) => string;
const utcDay: BusinessDay = (at) => at.slice(0, 10);

// Runs the event's rule over the device's rows, as the server will over its own. Only what
// the server's log alone can tell (LogFacts) is left to the server.
export const applyLocally = (
  tables: Tables,
  event: LocalEvent,
  businessDay: BusinessDay = utcDay,
): LocalOutcome => {
  const type = event.type as DeviceEventType;
  const spec = Object.hasOwn(DEVICE_EVENTS, type) ? DEVICE_EVENTS[type] : undefined;
  if (!spec)
    return { ok: false, code: 'unknown-type', reason: 'This device does not know that action.' };
  const payload = spec.payload.safeParse(event.payload);
  if (!payload.success)
    return { ok: false, code: 'invalid-payload', reason: payloadRefusal(type, payload.error) };
  const draft = new Draft(tables);
  const outcome = (RULES[type] as EventRule).apply(draft, payload.data as never, {
    eventId: event.id,
    operatorId: event.operatorId,
    at: event.at,
    today: event.today ?? businessDay(event.at),
    log: null,
  });
  if (!outcome.ok) return { ok: false, code: outcome.code, reason: outcome.message };
  return {
    ok: true,
    changes: draft.changes(),
    ...(outcome.refused?.length ? { refused: outcome.refused } : {}),
  };
};
