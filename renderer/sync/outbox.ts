import { TimestampSchema } from '../../shared/domain/common';
import { fail, ok, type Result } from '../../shared/result';
import { sayIssues } from '../../shared/say-issues';
import { DEVICE_EVENTS, type DeviceEventType } from '../../shared/sync-api/events/catalogue';
import { EVENT_FIELD_WORDS } from '../../shared/sync-api/events/field-words';
import type { FillwaveDb, OutboxEvent } from '../db/fillwave-db';
import { KEYS, readState, writeState } from './sync-state';

export interface ActionContext {
  operatorId: string;
  now: () => Date;
  newId: () => string;
}

// Records what a person did as an event with the device's next seq, in ONE transaction: the
// event and its place in the order commit together or not at all. Its effect on screen is the
// event laid over the pulled rows (pending-view.ts) until the server answers. Bad input is
// refused here, by field, and nothing is written.
export const recordAction = async <T extends DeviceEventType>(
  db: FillwaveDb,
  type: T,
  payload: unknown,
  ctx: ActionContext,
): Promise<Result<OutboxEvent>> => {
  const spec = DEVICE_EVENTS[type];
  if (!spec) return fail(`"${type}" is not something this app can record`);
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) return fail(sayIssues(parsed.error, EVENT_FIELD_WORDS[type]));
  // The server refuses a time outside 2000-2099 for the whole batch: a device whose clock was
  // reset must not record events that would hold back every other.
  const at = ctx.now().toISOString();
  if (!TimestampSchema.safeParse(at).success)
    return fail(
      `this device's clock says ${at.slice(0, 10)}: set its date and time, then do this again`,
    );
  const event = await db.transaction('rw', db.outbox, db.syncState, async () => {
    const seq = (await readState<number>(db, KEYS.nextSeq)) ?? 1;
    const row: OutboxEvent = {
      id: ctx.newId(),
      seq,
      type,
      operatorId: ctx.operatorId,
      at,
      payload: parsed.data,
      status: 'pending',
    };
    await db.outbox.add(row);
    await writeState(db, KEYS.nextSeq, seq + 1);
    return row;
  });
  return ok(event);
};

// The events still to send, in the order they happened.
export const pendingEvents = (db: FillwaveDb): Promise<OutboxEvent[]> =>
  db.outbox
    .orderBy('seq')
    .filter((e) => e.status !== 'accepted')
    .toArray();

// Accepted by the server but not yet back in a pull: the screen still lays them over the rows,
// or what the person did would flicker away between the push and the pull.
export const acceptedEvents = (db: FillwaveDb): Promise<OutboxEvent[]> =>
  db.outbox.where('status').equals('accepted').toArray();

// Everything the screen lays over the pulled rows, in the order it happened. Not the ones to
// resend: their effect was in the rows before the server lost them.
// Filtered after reading: a Dexie filter walks a cursor, one callback per event, which made
// every scan with 500 events waiting offline 2-3x slower (scan.next_task p95 17 -> 40 ms).
export const shownEvents = async (db: FillwaveDb): Promise<OutboxEvent[]> =>
  (await db.outbox.orderBy('localId').toArray()).filter((e) => e.status !== 'resend');

// Numbers the waiting events from `from` in their order, in a new or the same epoch: after the
// server forgot the device (new epoch, from 1) or lost events it had answered (a gap).
export const renumber = async (db: FillwaveDb, from: number): Promise<void> => {
  await db.transaction('rw', db.outbox, db.syncState, async () => {
    const waiting = await db.outbox
      .orderBy('localId')
      .filter((e) => e.status !== 'accepted')
      .toArray();
    let seq = from;
    for (const e of waiting) await db.outbox.update(e.localId!, { seq: seq++ });
    await writeState(db, KEYS.nextSeq, seq);
  });
};
