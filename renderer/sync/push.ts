import type { EventEnvelope, EventResult } from '../../shared/sync-api/push';
import type { FillwaveDb, OutboxEvent, RejectedEvent } from '../db/fillwave-db';
import type { ApiOutcome, SyncApi } from './api';
import { pendingEvents, renumber } from './outbox';
import { noteAccepted, recallSent } from './sent';
import { partRefusals } from './part-refusals';
import { blamesTheEvent, isSuspect, strike } from './park';
import type { StepHook } from './pull';
import { KEYS, readState, writeState, type ClockAhead, type DeviceIdentity } from './sync-state';

export type PushOutcome =
  { kind: 'done'; sent: number } | Exclude<ApiOutcome<unknown>, { kind: 'ok' }>;

const MAX_BATCH = 200;

const envelope = (e: OutboxEvent, identity: DeviceIdentity): EventEnvelope => ({
  id: e.id,
  epoch: identity.epoch,
  seq: e.seq,
  type: e.type,
  deviceId: identity.deviceId,
  operatorId: e.operatorId,
  at: e.at,
  payload: e.payload,
});

// Sends the outbox in seq order until it is empty or the server cannot take more now. An event
// leaves the outbox only with the server's answer: accepted (kept, marked, until the next pull
// brings its effect back) or rejected (kept with the server's sentence for "sync problems"). Retrying,
// waiting and backing off are the caller's: this returns why it stopped.
export const push = async (
  db: FillwaveDb,
  api: SyncApi,
  options: { now: () => Date; step?: StepHook; batchSize?: number },
): Promise<PushOutcome> => {
  const step = options.step ?? (() => undefined);
  let batch = options.batchSize ?? MAX_BATCH;
  let sent = 0;
  for (;;) {
    const identity = await readState<DeviceIdentity>(db, KEYS.identity);
    if (!identity) return { kind: 'unauthorized', reason: 'this device is not enrolled' };
    const waiting = (await pendingEvents(db)).slice(0, batch);
    if (waiting.length === 0) return { kind: 'done', sent };
    // Restore handling (sent.ts): events to push again go in a new epoch, numbered from 1.
    if (await readState<boolean>(db, KEYS.needsEpoch)) {
      const fresh = await api.newEpoch();
      if (fresh.kind !== 'ok') return fresh;
      await db.transaction('rw', db.outbox, db.syncState, async () => {
        await writeState(db, KEYS.identity, { ...identity, epoch: fresh.value });
        await renumber(db, 1);
        await writeState(db, KEYS.needsEpoch, false);
      });
      continue;
    }
    step('push:before-send');
    const lastAccepted = (await readState<string>(db, KEYS.lastAccepted)) ?? null;
    const answer = await api.push(
      waiting.map((e) => envelope(e, identity)),
      lastAccepted,
    );
    step('push:answered');
    if (answer.kind === 'events-lost') {
      // The server lost events it had accepted (restored): take the kept ones back to push again.
      await db.transaction('rw', db.outbox, db.sent, db.syncState, () => recallSent(db));
      continue;
    }
    if (answer.kind === 'unknown-epoch') {
      // The server forgot this device's epoch: a new one, the waiting events renumbered from 1.
      const epoch = await api.newEpoch();
      if (epoch.kind !== 'ok') return epoch;
      await db.transaction('rw', db.outbox, db.syncState, async () => {
        await writeState(db, KEYS.identity, { ...identity, epoch: epoch.value });
        await renumber(db, 1);
      });
      continue;
    }
    if (answer.kind === 'too-large') {
      if (batch > 1) {
        batch = Math.max(1, Math.floor(waiting.length / 2));
        continue;
      }
      // One event alone is too large for this server: it can never go; say so rather than block
      // everything behind it.
      const [only] = waiting;
      await settle(
        db,
        [{ event: only!, code: 'too-large', message: answer.reason }],
        [],
        options.now(),
      );
      continue;
    }
    if (answer.kind === 'refused' && answer.status === 400 && answer.code === 'bad-request') {
      // The server's schema refuses an event of the batch (one recorded by an older app, or
      // with a clock outside the years it takes): narrowed to it alone, it can never go, so
      // it is refused with the server's sentence and the rest go on, as for 413.
      if (waiting.length > 1) {
        batch = Math.max(1, Math.floor(waiting.length / 2));
        continue;
      }
      await settle(
        db,
        [{ event: waiting[0]!, code: 'bad-request', message: answer.reason }],
        [],
        options.now(),
      );
      continue;
    }
    if (blamesTheEvent(answer)) {
      // Narrow a failing batch down to its first event alone (at once if that one already
      // failed alone); alone, three identical failures park it and the rest go on.
      if (waiting.length > 1) {
        batch = (await isSuspect(db, waiting[0]!.id)) ? 1 : Math.floor(waiting.length / 2);
        continue;
      }
      const serverWorks = async () => (await api.pull(null, 1)).kind === 'ok';
      if (!(await strike(db, waiting[0]!, answer, options.now(), serverWorks))) return answer;
      batch = options.batchSize ?? MAX_BATCH;
      continue;
    }
    if (answer.kind !== 'ok') {
      if (answer.kind === 'unauthorized') await writeState(db, KEYS.needsEnrollment, true);
      return answer;
    }
    const accepted: string[] = [];
    const refused: { event: OutboxEvent; code: string; message: string }[] = [];
    const parts: RejectedEvent[] = [];
    let gapAt: number | null = null;
    for (const result of answer.value) {
      const event = waiting.find((e) => e.id === result.id);
      if (!event) continue;
      if (result.status === 'gap') {
        gapAt = result.expectedSeq;
        break;
      }
      const first = result.status === 'duplicate' ? result.original : result;
      if (first.status === 'accepted') {
        accepted.push(event.id);
        parts.push(...partRefusals(event, first.refused ?? [], options.now().toISOString()));
      } else refused.push({ event, code: first.code, message: first.message });
    }
    await noteAccepted(db, accepted, options.now());
    await noteClock(db, answer.value, options.now());
    await settle(db, refused, accepted, options.now(), step, parts);
    step('push:settled');
    sent += accepted.length + refused.length;
    if (gapAt !== null) {
      // The server expects an earlier seq than the first one waiting: it lost events it had
      // answered (restored). Number the waiting ones from where it is.
      const lowest = (await pendingEvents(db))[0];
      if (lowest && lowest.seq !== gapAt) await renumber(db, gapAt);
    }
  }
};

// The server says, with each event it applied now, whether this device's clock was more than
// 5 minutes ahead (it then used its own time). The latest answer stands: a fixed clock clears it.
const noteClock = async (db: FillwaveDb, results: readonly EventResult[], now: Date) => {
  const fresh = results.filter((r) => r.status === 'accepted' || r.status === 'rejected');
  if (fresh.length === 0) return;
  const aheadMs = Math.max(0, ...fresh.map((r) => r.clockAheadMs ?? 0));
  if (aheadMs > 0) {
    const flag: ClockAhead = { aheadMs, at: now.toISOString() };
    await writeState(db, KEYS.clockAhead, flag);
  } else await db.syncState.delete(KEYS.clockAhead);
};

const settle = async (
  db: FillwaveDb,
  refused: { event: OutboxEvent; code: string; message: string }[],
  accepted: string[],
  now: Date,
  step: StepHook = () => undefined,
  parts: RejectedEvent[] = [],
) => {
  await db.transaction('rw', db.outbox, db.rejected, async () => {
    if (accepted.length) await db.outbox.where('id').anyOf(accepted).modify({ status: 'accepted' });
    if (parts.length) await db.rejected.bulkPut(parts);
    step('push:settling');
    for (const r of refused) {
      await db.rejected.put({
        id: r.event.id,
        type: r.event.type,
        operatorId: r.event.operatorId,
        at: r.event.at,
        payload: r.event.payload,
        code: r.code,
        message: r.message,
        answeredAt: now.toISOString(),
      });
      await db.outbox.where('id').equals(r.event.id).delete();
    }
  });
};
