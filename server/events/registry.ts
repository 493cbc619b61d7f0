import type { z } from 'zod';
import type { EventRole } from '../../shared/sync-api/events/catalogue';
import type { RuleOutcome as Outcome } from '../../shared/event-rules/rule';
import type { Queryable } from '../db/db';

// What an apply function answers is what a device rule answers (shared/event-rules/rule.ts):
// applied (perhaps with parts refused), or refused with a code and a sentence for a person.
export type { PartRefused as Refusal, RuleOutcome as Outcome } from '../../shared/event-rules/rule';
export { accepted, refuse as rejected } from '../../shared/event-rules/rule';

export type EventSource = 'device' | 'server' | 'admin';

// An event as the apply functions see it. at is when it happened (the device's time, clamped
// to receivedAt when the device's clock was ahead: shared/time/business-time.ts), receivedAt the
// server's own time, businessDate the day of `at` in the warehouse's time zone then. Apply
// functions use these, never the clock or the settings, so replaying the log gives the same state.
export interface LoggedEvent {
  id: string;
  type: string;
  source: EventSource;
  deviceId: string | null;
  operatorId: string | null;
  at: string;
  receivedAt: string;
  businessDate: string;
  payload: unknown;
}

export interface EventType<P> {
  type: string;
  // Who may send it: devices (people), the server itself (OMS side, demo seed), or both.
  from: readonly EventSource[];
  // The role a device's operator must hold (checked on every event, against the server's record);
  // ANY_ROLE: any role, the operator still known, active and of a role the device signs in.
  role?: EventRole;
  payload: z.ZodType<P>;
  apply(tx: Queryable, payload: P, event: LoggedEvent): Promise<Outcome>;
}

export const defineEventType = <P>(t: EventType<P>): EventType<unknown> => t as EventType<unknown>;

// Each event type plugs in here with its schema and its apply function.
export class EventRegistry {
  private readonly byType = new Map<string, EventType<unknown>>();

  constructor(types: readonly EventType<unknown>[]) {
    for (const t of types) {
      if (this.byType.has(t.type)) throw new Error(`event type ${t.type} registered twice`);
      this.byType.set(t.type, t);
    }
  }

  get(type: string): EventType<unknown> | undefined {
    return this.byType.get(type);
  }

  types(): string[] {
    return [...this.byType.keys()].sort();
  }
}
