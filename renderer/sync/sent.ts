import { sentToDrop, DEFAULT_SENT_POLICY, type SentPolicy } from '../../shared/sync/sent-retention';
import type { FillwaveDb, OutboxEvent, SentEvent } from '../db/fillwave-db';
import { KEYS, writeState } from './sync-state';

// The event itself, as the outbox and `sent` both hold it.
const eventOf = (e: OutboxEvent | SentEvent): Omit<OutboxEvent, 'localId' | 'status'> => ({
  id: e.id,
  seq: e.seq,
  type: e.type,
  operatorId: e.operatorId,
  at: e.at,
  payload: e.payload,
});

// Moves accepted outbox events into `sent`. Call inside a transaction over outbox and sent.
export const moveToSent = async (db: FillwaveDb, events: readonly OutboxEvent[], now: Date) => {
  if (events.length === 0) return;
  const settledAt = now.toISOString();
  await db.sent.bulkPut(
    events.map((e): SentEvent => ({
      localId: e.localId!,
      ...eventOf(e),
      settledAt,
      bytes: JSON.stringify(e.payload ?? null).length + 200,
    })),
  );
  await db.outbox.bulkDelete(events.map((e) => e.localId!));
};

// The server lost events it had accepted (restored or rolled back): every kept one, and the
// accepted ones still in the outbox, are to be pushed again, in their first order, in a new
// epoch (numbered from 1, so the ones it holds fill their slots as duplicates). Call inside a
// transaction over outbox, sent and syncState.
export const recallSent = async (db: FillwaveDb): Promise<number> => {
  const kept = await db.sent.toArray();
  await db.outbox.bulkAdd(
    kept.map((e): OutboxEvent => ({
      localId: e.localId,
      ...eventOf(e),
      status: 'resend',
    })),
  );
  await db.sent.clear();
  const accepted = await db.outbox.where('status').equals('accepted').modify({ status: 'resend' });
  await writeState(db, KEYS.lastAccepted, null);
  if (kept.length + accepted > 0) await writeState(db, KEYS.needsEpoch, true);
  return kept.length + accepted;
};

// Drops the kept events outside the window or the budget.
export const pruneSent = async (
  db: FillwaveDb,
  now: Date,
  policy: SentPolicy = DEFAULT_SENT_POLICY,
): Promise<number> => {
  const entries: { localId: number; settledAt: string; bytes: number }[] = [];
  await db.sent.each((e) =>
    entries.push({ localId: e.localId, settledAt: e.settledAt, bytes: e.bytes }),
  );
  const drop = sentToDrop(entries, now, policy);
  if (drop.length) await db.sent.bulkDelete(drop);
  return drop.length;
};

// Drops the kept events older than the window only: an indexed range, cheap on every pull, so
// an idle device does not keep them past it either.
export const expireSent = (
  db: FillwaveDb,
  now: Date,
  policy: SentPolicy = DEFAULT_SENT_POLICY,
): Promise<number> =>
  db.sent
    .where('settledAt')
    .below(new Date(now.getTime() - policy.keepDays * 24 * 60 * 60 * 1000).toISOString())
    .delete();

// What the sync status shows: how many are kept and since when.
export const sentFacts = async (
  db: FillwaveDb,
): Promise<{ count: number; oldest: string | null }> => {
  const count = await db.sent.count();
  const oldest = await db.sent.orderBy('settledAt').first();
  return { count, oldest: oldest?.settledAt ?? null };
};

// After a push's answer: the events to resend that the server now holds (as duplicates or
// newly applied) go straight back to `sent`, never shown; the last accepted id is kept, for
// the next push to name. `accepted` is in the order the server answered.
export const noteAccepted = async (
  db: FillwaveDb,
  accepted: readonly string[],
  now: Date,
): Promise<void> => {
  if (accepted.length === 0) return;
  await db.transaction('rw', db.outbox, db.sent, db.syncState, async () => {
    const resent = await db.outbox
      .where('id')
      .anyOf([...accepted])
      .filter((e) => e.status === 'resend')
      .toArray();
    await moveToSent(db, resent, now);
    await writeState(db, KEYS.lastAccepted, accepted[accepted.length - 1]);
  });
};
