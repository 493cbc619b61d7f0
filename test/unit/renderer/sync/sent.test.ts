import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { FillwaveDb, type OutboxEvent } from '../../../../renderer/db/fillwave-db';
import { pendingEvents, renumber, shownEvents } from '../../../../renderer/sync/outbox';
import {
  expireSent,
  moveToSent,
  noteAccepted,
  pruneSent,
  recallSent,
  sentFacts,
} from '../../../../renderer/sync/sent';
import { KEYS, readState, writeState } from '../../../../renderer/sync/sync-state';

const NOW = new Date('2026-12-01T12:00:00Z');
const open = async () => {
  const db = new FillwaveDb(`sent-${Math.random()}`);
  await db.open();
  return db;
};
const event = (n: number, status: OutboxEvent['status']): OutboxEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  seq: n,
  type: 'backorder-line.held',
  operatorId: 'op',
  at: '2026-12-01T08:00:00.000Z',
  payload: { backorderLineId: `SO-${n}/1`, reason: 'x' },
  status,
});

describe("the device's sent events", () => {
  it('are taken back to send again, before the waiting ones, never shown, in a new epoch', async () => {
    const db = await open();
    for (let n = 1; n <= 6; n++) await db.outbox.add(event(n, n <= 4 ? 'accepted' : 'pending'));
    // 1 to 3 were pulled back: into sent. 4 is accepted, not pulled yet. 5 and 6 wait.
    await db.transaction('rw', db.outbox, db.sent, async () =>
      moveToSent(db, (await db.outbox.toArray()).slice(0, 3), NOW),
    );
    await writeState(db, KEYS.lastAccepted, event(4, 'accepted').id);
    expect(await db.sent.count()).toBe(3);
    expect((await shownEvents(db)).map((e) => e.seq)).toEqual([4, 5, 6]);

    const recalled = await db.transaction('rw', db.outbox, db.sent, db.syncState, () =>
      recallSent(db),
    );
    expect(recalled).toBe(4);
    expect(await db.sent.count()).toBe(0);
    expect(await readState(db, KEYS.lastAccepted)).toBeNull();
    expect(await readState(db, KEYS.needsEpoch)).toBe(true);
    // Nothing taken back is laid over the rows: its effect was in them already.
    expect((await shownEvents(db)).map((e) => e.seq)).toEqual([5, 6]);
    await renumber(db, 1);
    expect((await pendingEvents(db)).map((e) => [e.id, e.seq, e.status])).toEqual([
      [event(1, 'resend').id, 1, 'resend'],
      [event(2, 'resend').id, 2, 'resend'],
      [event(3, 'resend').id, 3, 'resend'],
      [event(4, 'resend').id, 4, 'resend'],
      [event(5, 'pending').id, 5, 'pending'],
      [event(6, 'pending').id, 6, 'pending'],
    ]);

    // The server's answers: the ones sent again go straight back to sent, still never shown.
    await noteAccepted(
      db,
      [event(1, 'resend').id, event(2, 'resend').id, event(5, 'pending').id],
      NOW,
    );
    expect((await db.sent.toArray()).map((e) => e.seq)).toEqual([1, 2]);
    expect(await readState(db, KEYS.lastAccepted)).toBe(event(5, 'pending').id);
    expect((await shownEvents(db)).map((e) => e.seq)).toEqual([5, 6]);
    db.close();
  });

  it('takes nothing back and asks no new epoch when none are kept', async () => {
    const db = await open();
    await db.outbox.add(event(1, 'pending'));
    const recalled = await db.transaction('rw', db.outbox, db.sent, db.syncState, () =>
      recallSent(db),
    );
    expect(recalled).toBe(0);
    expect(await readState(db, KEYS.needsEpoch)).toBeUndefined();
    db.close();
  });

  it('keeps them within the window and the budget, and says how many and since when', async () => {
    const db = await open();
    const day = 24 * 60 * 60 * 1000;
    await db.sent.bulkPut(
      [9, 8, 3, 2, 1].map((daysAgo, i) => ({
        localId: i + 1,
        id: `e${i + 1}`,
        seq: i + 1,
        type: 't',
        operatorId: null,
        at: NOW.toISOString(),
        payload: {},
        settledAt: new Date(NOW.getTime() - daysAgo * day).toISOString(),
        bytes: 100,
      })),
    );
    expect(await expireSent(db, new Date(NOW.getTime() - day))).toBe(1);
    expect(await pruneSent(db, NOW)).toBe(1);
    expect(await sentFacts(db)).toEqual({
      count: 3,
      oldest: new Date(NOW.getTime() - 3 * day).toISOString(),
    });
    expect(await pruneSent(db, NOW, { keepDays: 7, maxEvents: 1, maxBytes: 1e6 })).toBe(2);
    expect((await db.sent.toArray()).map((e) => e.id)).toEqual(['e5']);
    db.close();
  });
});
