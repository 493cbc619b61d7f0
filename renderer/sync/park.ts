import type { FillwaveDb, OutboxEvent, RejectedEvent } from '../db/fillwave-db';
import type { ApiOutcome } from './api';
import { KEYS, readState, writeState } from './sync-state';

// One event the server fails on must not hold back every event behind it. The push loop
// narrows a batch that gets a 5xx down to its first event alone; when that event alone gets
// the same 5xx answer PARK_AFTER times in a row, it is parked: set aside in "sync problems"
// (with Retry and Discard) and the rest go on. Its seq slot is left to the server's gap answer,
// which renumbers the events behind it from that seq (safe even if the server did take it).
export const PARK_AFTER = 3;
export const PARKED_CODE = 'parked';

// 502, 503 and 504 say the server (or a proxy) is away or busy, not that this event broke it:
// they are retried with backoff and never count against an event.
export const blamesTheEvent = (
  outcome: ApiOutcome<unknown>,
): outcome is { kind: 'retry'; reason: string; status: number } =>
  outcome.kind === 'retry' &&
  outcome.status !== undefined &&
  outcome.status >= 500 &&
  ![502, 503, 504].includes(outcome.status);

const STRIKES_KEY = 'pushStrikes';
const LOG_KEY = 'syncLog';
const LOG_MAX = 100;

interface Strikes {
  eventId: string;
  answer: string;
  count: number;
}

export interface SyncLogEntry {
  at: string;
  // acknowledged, dismissed: a person read a refusal (renderer/sync/refusals.ts).
  action: 'parked' | 'retried' | 'discarded' | 'acknowledged' | 'dismissed';
  eventId: string;
  type: string;
  detail: string;
}

export const appendSyncLog = async (db: FillwaveDb, entry: SyncLogEntry) => {
  const entries = (await readState<SyncLogEntry[]>(db, LOG_KEY)) ?? [];
  await writeState(db, LOG_KEY, [entry, ...entries].slice(0, LOG_MAX));
};

export const syncLog = async (db: FillwaveDb): Promise<SyncLogEntry[]> =>
  (await readState<SyncLogEntry[]>(db, LOG_KEY)) ?? [];

// Whether this event already failed alone: the loop then sends it alone at once.
export const isSuspect = async (db: FillwaveDb, eventId: string): Promise<boolean> =>
  (await readState<Strikes>(db, STRIKES_KEY))?.eventId === eventId;

// Counts one more identical failure of `event` sent alone; at the PARK_AFTER-th, parks it if
// `serverWorks` says the server answers otherwise (a database that is down fails every event
// alike, and parking them all would only hide the outage). Returns whether it was parked.
export const strike = async (
  db: FillwaveDb,
  event: OutboxEvent,
  failure: { status: number; reason: string },
  now: Date,
  serverWorks: () => Promise<boolean>,
): Promise<boolean> => {
  const answer = `${failure.status} ${failure.reason}`;
  const before = await readState<Strikes>(db, STRIKES_KEY);
  const count = before?.eventId === event.id && before.answer === answer ? before.count + 1 : 1;
  if (count < PARK_AFTER || !(await serverWorks())) {
    await writeState(db, STRIKES_KEY, {
      eventId: event.id,
      answer,
      count: Math.min(count, PARK_AFTER - 1),
    });
    return false;
  }
  await db.transaction('rw', db.outbox, db.rejected, db.syncState, async () => {
    await writeState(db, STRIKES_KEY, null);
    await db.rejected.put({
      id: event.id,
      type: event.type,
      operatorId: event.operatorId,
      at: event.at,
      payload: event.payload,
      code: PARKED_CODE,
      message: `The server failed ${PARK_AFTER} times on this event alone (${answer}). It is set aside so the events after it can go: retry it once the server is fixed, or discard it.`,
      answeredAt: now.toISOString(),
    } satisfies RejectedEvent);
    await db.outbox.where('id').equals(event.id).delete();
    await appendSyncLog(db, {
      at: now.toISOString(),
      action: 'parked',
      eventId: event.id,
      type: event.type,
      detail: answer,
    });
  });
  return true;
};

// Takes the event out of "sync problems" and says in the log what became of it.
const unpark = async (
  db: FillwaveDb,
  parked: RejectedEvent,
  now: Date,
  action: 'retried' | 'discarded',
  detail: string,
) => {
  await db.rejected.delete(parked.id);
  await appendSyncLog(db, {
    at: now.toISOString(),
    action,
    eventId: parked.id,
    type: parked.type,
    detail,
  });
};

// Retry: the parked event goes back to the end of the outbox with the device's next seq.
export const retryParked = async (db: FillwaveDb, id: string, now: Date): Promise<void> => {
  await db.transaction('rw', db.outbox, db.rejected, db.syncState, async () => {
    const parked = await db.rejected.get(id);
    if (!parked || parked.code !== PARKED_CODE) return;
    const seq = (await readState<number>(db, KEYS.nextSeq)) ?? 1;
    await db.outbox.add({
      id: parked.id,
      seq,
      type: parked.type,
      operatorId: parked.operatorId,
      at: parked.at,
      payload: parked.payload,
      status: 'pending',
    });
    await writeState(db, KEYS.nextSeq, seq + 1);
    await unpark(db, parked, now, 'retried', 'sent again after the events behind it');
  });
};

// Discard: what the person did is dropped on this device, and the log says so.
export const discardParked = async (db: FillwaveDb, id: string, now: Date): Promise<void> => {
  await db.transaction('rw', db.rejected, db.syncState, async () => {
    const parked = await db.rejected.get(id);
    if (!parked || parked.code !== PARKED_CODE) return;
    await unpark(db, parked, now, 'discarded', 'dropped on this device; the server never took it');
  });
};
