// One event the server fails on does not hold back the rest: narrowed down to it alone, three
// identical 5xx answers park it (sync problems, Retry or Discard, each logged) and the events
// behind it go on, renumbered from its seq. On fake-indexeddb with a fake server that keeps
// seq order the way the real one does.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FillwaveDb } from '../../../../renderer/db/fillwave-db';
import type { ApiOutcome, SyncApi } from '../../../../renderer/sync/api';
import { pendingEvents, recordAction } from '../../../../renderer/sync/outbox';
import { discardParked, PARKED_CODE, retryParked, syncLog } from '../../../../renderer/sync/park';
import { push } from '../../../../renderer/sync/push';
import { KEYS, readState, writeState } from '../../../../renderer/sync/sync-state';
import type { EventEnvelope, EventResult } from '../../../../shared/sync-api/push';

const now = () => new Date('2026-11-25T09:00:00Z');
const ctx = { operatorId: 'lead-1', now, newId: () => randomUUID() };

// Accepts events in seq order (answering a gap otherwise) and fails the whole request with
// `failure` when it holds a poisoned event id.
const fakeServer = () => {
  const s = {
    expected: 1,
    accepted: [] as { id: string; seq: number }[],
    requests: [] as number[],
    poisoned: new Set<string>(),
    failure: (): ApiOutcome<never> => ({
      kind: 'retry',
      reason: 'The server failed to handle this request; it was logged.',
      status: 500,
    }),
    pullWorks: true,
  };
  const api: SyncApi = {
    push: async (events: EventEnvelope[]) => {
      s.requests.push(events.length);
      if (events.some((e) => s.poisoned.has(e.id))) return s.failure();
      const results: EventResult[] = [];
      for (const e of events) {
        if (s.accepted.some((a) => a.id === e.id)) {
          results.push({ id: e.id, status: 'duplicate', original: { status: 'accepted' } });
        } else if (e.seq !== s.expected) {
          results.push({ id: e.id, status: 'gap', expectedSeq: s.expected });
          break;
        } else {
          s.accepted.push({ id: e.id, seq: e.seq });
          s.expected++;
          results.push({ id: e.id, status: 'accepted' });
        }
      }
      return { kind: 'ok', value: results };
    },
    pull: async () =>
      s.pullWorks
        ? { kind: 'ok', value: { checkpoint: 'c', hasMore: false, changes: [] } }
        : s.failure(),
    newEpoch: async () => ({ kind: 'ok', value: randomUUID() }),
  };
  return { s, api };
};

describe('parking an event the server fails on', () => {
  let db: FillwaveDb;
  beforeEach(async () => {
    db = new FillwaveDb(`park-${randomUUID()}`);
    await db.open();
    await writeState(db, KEYS.identity, {
      serverUrl: 'http://x',
      deviceId: 'd1',
      token: 't',
      epoch: randomUUID(),
    });
  });
  afterEach(() => db.delete());

  const record = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await recordAction(
        db,
        'backorder-line.held',
        { backorderLineId: `B${i + 1}`, reason: 'x' },
        ctx,
      );
      if (!r.ok) throw new Error(r.reason);
      ids.push(r.value.id);
    }
    return ids;
  };
  const rounds = async (api: SyncApi, n: number) => {
    const outcomes = [];
    for (let i = 0; i < n; i++) outcomes.push((await push(db, api, { now })).kind);
    return outcomes;
  };

  it('narrows the batch to the bad event, parks it on the third identical 500, and sends the rest renumbered', async () => {
    const ids = await record(6);
    const { s, api } = fakeServer();
    s.poisoned.add(ids[2]!);
    expect(await rounds(api, 3)).toEqual(['retry', 'retry', 'done']);
    // The rest reached the server, in order, the ones behind the parked event from its seq.
    expect(s.accepted).toEqual([
      { id: ids[0], seq: 1 },
      { id: ids[1], seq: 2 },
      { id: ids[3], seq: 3 },
      { id: ids[4], seq: 4 },
      { id: ids[5], seq: 5 },
    ]);
    // It was sent alone before it was counted.
    expect(s.requests.slice(0, 5)).toEqual([6, 3, 1, 1, 1]);
    expect(await pendingEvents(db)).toEqual([]);
    const parked = await db.rejected.get(ids[2]!);
    expect(parked).toMatchObject({ code: PARKED_CODE, type: 'backorder-line.held' });
    expect(parked!.message).toMatch(/failed 3 times on this event alone \(500 The server failed/);
    expect(await syncLog(db)).toEqual([
      expect.objectContaining({
        action: 'parked',
        eventId: ids[2],
        detail: expect.stringMatching(/^500 /),
      }),
    ]);
  });

  it('does not park on answers that differ, on 503, or while the server fails everything', async () => {
    const ids = await record(2);
    const { s, api } = fakeServer();
    s.poisoned.add(ids[0]!);
    let n = 0;
    s.failure = () => ({ kind: 'retry', reason: `failure ${n++}`, status: 500 });
    expect(await rounds(api, 4)).toEqual(['retry', 'retry', 'retry', 'retry']);
    s.failure = () => ({ kind: 'retry', reason: 'Injected fault: try again.', status: 503 });
    expect(await rounds(api, 4)).toEqual(['retry', 'retry', 'retry', 'retry']);
    s.failure = () => ({ kind: 'retry', reason: 'database down', status: 500 });
    s.pullWorks = false;
    expect(await rounds(api, 5)).toEqual(['retry', 'retry', 'retry', 'retry', 'retry']);
    expect(await db.rejected.count()).toBe(0);
    expect((await pendingEvents(db)).map((e) => e.id)).toEqual(ids);
    expect(s.accepted).toEqual([]);
    // The database is back for others, still not for this event: now it is parked.
    s.pullWorks = true;
    expect(await rounds(api, 1)).toEqual(['done']);
    expect(s.accepted).toEqual([{ id: ids[1], seq: 1 }]);
  });

  it('Retry puts it back at the end with the next seq; Discard drops it; both are logged', async () => {
    const ids = await record(3);
    const { s, api } = fakeServer();
    s.poisoned.add(ids[0]!);
    await rounds(api, 3);
    expect(s.accepted.map((a) => a.id)).toEqual([ids[1], ids[2]]);
    s.poisoned.clear();
    await retryParked(db, ids[0]!, now());
    expect(await db.rejected.count()).toBe(0);
    const [back] = await pendingEvents(db);
    expect(back).toMatchObject({
      id: ids[0],
      seq: await readState<number>(db, KEYS.nextSeq).then((n) => n! - 1),
    });
    expect(await rounds(api, 1)).toEqual(['done']);
    expect(s.accepted).toEqual([
      { id: ids[1], seq: 1 },
      { id: ids[2], seq: 2 },
      { id: ids[0], seq: 3 },
    ]);
    // A second one, discarded.
    const [late] = await record(1);
    s.poisoned.add(late!);
    await rounds(api, 3);
    expect(await db.rejected.get(late!)).toBeDefined();
    await discardParked(db, late!, now());
    expect(await db.rejected.count()).toBe(0);
    expect((await syncLog(db)).map((e) => [e.action, e.eventId])).toEqual([
      ['discarded', late],
      ['parked', late],
      ['retried', ids[0]],
      ['parked', ids[0]],
    ]);
  });

  it('refuses to record an action while the clock is outside the years the server takes', async () => {
    const r = await recordAction(
      db,
      'backorder-line.held',
      { backorderLineId: 'B1', reason: 'x' },
      { ...ctx, now: () => new Date('1970-01-01T00:00:00Z') },
    );
    expect(r).toEqual({
      ok: false,
      reason: "this device's clock says 1970-01-01: set its date and time, then do this again",
    });
    expect(await db.outbox.count()).toBe(0);
  });
});
