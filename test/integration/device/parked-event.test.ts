// One event the real server fails on (500, by fault injection) does not hold back the events
// behind it: the device narrows the batch to it, parks it after three identical answers, and
// the rest reach the server in order; retried once the server is mended, it arrives too.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { pendingEvents, recordAction } from '../../../renderer/sync/outbox';
import { PARKED_CODE, retryParked, syncLog } from '../../../renderer/sync/park';
import { push } from '../../../renderer/sync/push';
import { enrolledDevice } from '../../fixtures/device';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld } from '../../fixtures/world';

const registry = testRegistry();
const now = () => new Date();
const LINES = ['SO-1/1', 'SO-1/2', 'SO-2/1', 'SO-2/2', 'SO-3/1'];
const POISONED = randomUUID();
const [kind] = await availableDbKinds();

describe(`an event the server fails on, on ${kind}`, () => {
  let t: TestDatabase;
  let faulty: TestServer;
  let mended: TestServer;
  beforeAll(async () => {
    t = await openTestDatabase(kind!);
    await seedWorld(t.db, registry, systemClock);
    const common = { registry, rateLimit: { burst: 1e9, perSecond: 1e9 } };
    faulty = await startTestServer(t.db, {
      ...common,
      faults: {
        seed: 1,
        dropRate: 0,
        errorRate: 0,
        delayMs: 0,
        truncateRate: 0,
        loseResponseRate: 0,
        failEventIds: [POISONED],
      },
    });
    mended = await startTestServer(t.db, common);
  });
  afterAll(async () => {
    await faulty?.close();
    await mended?.close();
    await t?.dispose();
  });

  it('parks it after three identical 500s alone; the events behind it reach the server; Retry delivers it', async () => {
    let target = faulty.url;
    const statuses: number[] = [];
    const device = await enrolledDevice(t.db, faulty.url, async (url, init) => {
      const res = await fetch(url.replace(faulty.url, target), init);
      if (url.includes('/push')) statuses.push(res.status);
      return res;
    });
    const ids: string[] = [];
    for (const [i, line] of LINES.entries()) {
      const r = await recordAction(
        device.db,
        'backorder-line.held',
        { backorderLineId: line, reason: 'waiting for the customer' },
        { operatorId: OPERATORS.lead, now, newId: () => (i === 2 ? POISONED : randomUUID()) },
      );
      if (!r.ok) throw new Error(r.reason);
      ids.push(r.value.id);
    }
    const logged = () =>
      t.db.query<{ id: string; seq: number | string; status: string }>(
        'SELECT id, seq, status FROM events WHERE device_id = $1 ORDER BY seq',
        [device.deviceId],
      );

    expect((await push(device.db, device.api, { now })).kind).toBe('retry');
    expect((await push(device.db, device.api, { now })).kind).toBe('retry');
    expect(await device.db.rejected.count()).toBe(0);
    expect(await push(device.db, device.api, { now })).toMatchObject({ kind: 'done' });

    expect(statuses.filter((s) => s === 500).length).toBeGreaterThanOrEqual(3);
    expect((await logged()).map((e) => [e.id, Number(e.seq), e.status])).toEqual([
      [ids[0], 1, 'accepted'],
      [ids[1], 2, 'accepted'],
      [ids[3], 3, 'accepted'],
      [ids[4], 4, 'accepted'],
    ]);
    expect(await device.db.rejected.get(POISONED)).toMatchObject({ code: PARKED_CODE });
    expect(await pendingEvents(device.db)).toEqual([]);

    target = mended.url;
    await retryParked(device.db, POISONED, now());
    expect(await push(device.db, device.api, { now })).toMatchObject({ kind: 'done', sent: 1 });
    expect((await logged()).map((e) => [e.id, Number(e.seq)])).toEqual([
      [ids[0], 1],
      [ids[1], 2],
      [ids[3], 3],
      [ids[4], 4],
      [POISONED, 5],
    ]);
    expect((await syncLog(device.db)).map((e) => e.action)).toEqual(['retried', 'parked']);
  });

  it("refuses, with the server's sentence, an outbox event the server's schema refuses, and sends the rest", async () => {
    const device = await enrolledDevice(t.db, mended.url);
    const ids: string[] = [];
    for (const line of ['SO-1/1', 'SO-1/2', 'SO-2/1']) {
      const r = await recordAction(
        device.db,
        'backorder-line.held',
        { backorderLineId: line, reason: 'x' },
        { operatorId: OPERATORS.lead, now, newId: () => randomUUID() },
      );
      if (!r.ok) throw new Error(r.reason);
      ids.push(r.value.id);
    }
    // As an older app, or one whose clock was reset, recorded it.
    await device.db.outbox.where('id').equals(ids[1]!).modify({ at: '1970-01-01T00:00:00.000Z' });
    expect(await push(device.db, device.api, { now })).toMatchObject({ kind: 'done' });
    const logged = await t.db.query<{ id: string; seq: number | string }>(
      'SELECT id, seq FROM events WHERE device_id = $1 ORDER BY seq',
      [device.deviceId],
    );
    expect(logged.map((e) => [e.id, Number(e.seq)])).toEqual([
      [ids[0], 1],
      [ids[2], 2],
    ]);
    expect(await device.db.rejected.get(ids[1]!)).toMatchObject({
      code: 'bad-request',
      message: expect.stringMatching(/An event's time must be a date between 2000 and 2099/),
    });
  });
});
