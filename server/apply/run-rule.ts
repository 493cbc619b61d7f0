import type { DeviceEventType } from '../../shared/sync-api/events/catalogue';
import { Draft } from '../../shared/event-rules/draft';
import type { EventRule, LogFacts } from '../../shared/event-rules/rule';
import { DEVICE_EVENTS } from '../../shared/sync-api/events/catalogue';
import type { Queryable } from '../db/db';
import {
  defineEventType,
  type EventType,
  type LoggedEvent,
  type Outcome,
} from '../events/registry';
import { LockedRows } from './locked-rows';
import type { ReadHint } from './rule-reads';
import { writeChanges } from './write-changes';
import { lastPickOnTour } from './log-facts';

// Runs a device event's rule authoritatively: over the rows it reads, locked in this
// transaction, then writes what it changed. Same rule, same rows as the device's view had:
// the same answer, unless another device changed them first (which the locks make explicit).
export const runRule = async (
  tx: Queryable,
  rule: Pick<EventRule, 'apply'>,
  payload: unknown,
  event: LoggedEvent,
  reads?: ReadHint,
): Promise<Outcome> => {
  const rows = new LockedRows();
  const facts = new Map<string, string | null>();
  const missedFacts: [string, string][] = [];
  const log: LogFacts = {
    lastPickOnTour: (tourId, operatorId) => {
      const k = `${tourId}|${operatorId}`;
      if (facts.has(k)) return facts.get(k)!;
      missedFacts.push([tourId, operatorId]);
      return null;
    },
  };
  // Read hints first, round by round (a hint may need rows the last round loaded).
  for (;;) {
    if (reads) rows.want(reads(payload as never, rows.peek()));
    if (!rows.missed()) break;
    await rows.load(tx);
  }
  for (;;) {
    const draft = new Draft(rows);
    let outcome: Outcome | undefined;
    let thrown: unknown;
    try {
      outcome = rule.apply(draft, payload as never, {
        eventId: event.id,
        operatorId: event.operatorId,
        at: event.at,
        today: event.businessDate,
        log,
      });
    } catch (error) {
      // A run that read a row not loaded yet may trip over its absence: load it and run again.
      thrown = error;
    }
    if (!rows.missed() && missedFacts.length === 0) {
      if (thrown !== undefined) throw thrown;
      if (outcome!.ok) await writeChanges(tx, draft.changes(), rows);
      return outcome!;
    }
    await rows.load(tx);
    for (const [tourId, operatorId] of missedFacts.splice(0))
      facts.set(`${tourId}|${operatorId}`, await lastPickOnTour(tx, tourId, operatorId));
  }
};

// The server's event type for a device rule: the catalogue's schema and role, the shared rule.
export const deviceEventType = <T extends DeviceEventType>(
  rule: EventRule<T>,
  reads?: ReadHint,
): EventType<unknown> =>
  defineEventType({
    type: rule.type,
    from: ['device'],
    role: DEVICE_EVENTS[rule.type].role,
    payload: DEVICE_EVENTS[rule.type].payload as never,
    apply: (tx, payload, event) => runRule(tx, rule as unknown as EventRule, payload, event, reads),
  });
