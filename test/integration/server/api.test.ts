// The sync API over real HTTP, on the embedded store and PostgreSQL 15.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock, systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { ErrorBodySchema } from '../../../shared/sync-api/errors';
import { PullPageSchema, type Change } from '../../../shared/sync-api/pull';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { ENTITY_SCHEMAS } from '../../../shared/domain/entities';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import {
  seedSmallWarehouse,
  seedWarehouseAndDevice,
  testRegistry,
} from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

const kinds = await availableDbKinds();

describe.each(kinds)('sync API on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let token: string;
  let deviceId: string;
  let epoch: string;
  let stockIds: string[];
  const logLines: string[] = [];
  const clock = manualClock(new Date('2026-11-25T09:00:00Z'));
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, {
      registry,
      clock,
      bodyLimitBytes: 64 * 1024,
      rateLimit: { burst: 5, perSecond: 1 },
      logStream: new Writable({
        write(chunk, _enc, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    clock.advance(60_000); // a fresh rate-limit allowance
    ({ stockIds, token, deviceId, epoch } = await seedWarehouseAndDevice(
      t.db,
      registry,
      systemClock,
      'scanner',
      { skus: 3 },
    ));
  });

  const get = (path: string, auth: string | null = token) =>
    fetch(`${server.url}${path}`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} });
  const post = (path: string, body: unknown, auth: string | null = token, raw?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      },
      body: raw ?? JSON.stringify(body),
    });
  const event = (
    seq: number,
    payload: unknown = { stockId: stockIds[0], delta: 1 },
    extra: object = {},
  ) => ({
    id: randomUUID(),
    epoch,
    seq,
    type: 'test.stock-adjusted',
    deviceId,
    operatorId: null,
    at: '2026-11-25T08:59:00.000Z',
    payload,
    ...extra,
  });
  const pullAll = async (limit = 7, query = '') => {
    const changes: Change[] = [];
    let checkpoint: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const res = await get(
        `/api/v1/pull?limit=${limit}${checkpoint ? `&checkpoint=${checkpoint}` : ''}${query}`,
      );
      expect(res.status).toBe(200);
      const page = PullPageSchema.parse(await res.json());
      changes.push(...page.changes);
      checkpoint = page.checkpoint;
      if (!page.hasMore) return { changes, checkpoint };
    }
    throw new Error('pull never ended');
  };
  const onHand = async (id: string) =>
    (await t.db.query<{ on_hand: number }>('SELECT on_hand FROM stock WHERE id = $1', [id]))[0]!
      .on_hand;
  const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json());

  it('answers health without a token, and nothing else', async () => {
    expect(await (await get('/api/v1/health', null)).json()).toEqual({ ok: true, version: 'test' });
    for (const res of [
      await get('/api/v1/pull', null),
      await post('/api/v1/push', { events: [] }, null),
      await post('/api/v1/epochs', {}, null),
    ]) {
      expect(res.status).toBe(401);
      expect((await errorOf(res)).error).toBe('no-token');
    }
    const unknown = await get('/api/v1/pull', 'fwd_not-a-real-token');
    expect(unknown.status).toBe(401);
    expect(await errorOf(unknown)).toEqual({
      error: 'unknown-token',
      message: 'This device token is unknown or revoked: enroll the device again.',
    });
  });

  it('pulls everything in pages, each row valid for its entity, then nothing new', async () => {
    const { changes, checkpoint } = await pullAll(4);
    const entities = new Set(changes.map((c) => c.entity));
    expect([...entities].sort()).toEqual(['event', 'location', 'sku', 'stock', 'warehouseLayout']);
    for (const c of changes)
      expect(ENTITY_SCHEMAS[c.entity].safeParse(c.row).success, `${c.entity} ${c.id}`).toBe(true);
    const again = PullPageSchema.parse(
      await (await get(`/api/v1/pull?checkpoint=${checkpoint}`)).json(),
    );
    expect(again).toEqual({ checkpoint, hasMore: false, changes: [], timeZone: 'UTC' });
  });

  it('carries later changes after the checkpoint, and removals as tombstones', async () => {
    const { checkpoint } = await pullAll();
    await t.db.query('UPDATE locations SET count_required = true WHERE id = $1', ['L1']);
    await t.db.query('DELETE FROM stock WHERE id = $1', [stockIds[2]]);
    const page = PullPageSchema.parse(
      await (await get(`/api/v1/pull?checkpoint=${checkpoint}`)).json(),
    );
    expect(page.changes).toEqual([
      {
        entity: 'location',
        id: 'L1',
        row: expect.objectContaining({ id: 'L1', countRequired: true }),
      },
      { entity: 'stock', id: stockIds[2], row: null },
    ]);
  });

  it('gives only the last N days of events when asked', async () => {
    clock.advance(10 * 86_400_000);
    await recordServerEvent(t.db, registry, clock, 'test.stock-adjusted', {
      stockId: stockIds[0],
      delta: 1,
    });
    const recent = (await pullAll(50, '&eventDays=2')).changes.filter((c) => c.entity === 'event');
    expect(recent).toHaveLength(1);
    const all = (await pullAll(50)).changes.filter((c) => c.entity === 'event');
    expect(all).toHaveLength(4);
  });

  it('answers 410 to a checkpoint another database issued, and 400 to one it cannot read', async () => {
    const foreign = `${randomUUID()}.5.5`;
    const res = await get(`/api/v1/pull?checkpoint=${foreign}`);
    expect(res.status).toBe(410);
    expect((await errorOf(res)).error).toBe('checkpoint-unknown');
    const bad = await get('/api/v1/pull?checkpoint=garbage');
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toBe(
      'pull: checkpoint "garbage" is not one this API issues',
    );
    // The token is checked first: a wiped server that no longer knows the device says 401.
    expect((await get(`/api/v1/pull?checkpoint=${foreign}`, 'fwd_unknown')).status).toBe(401);
  });

  it('refuses bad pull parameters by name', async () => {
    const res = await get('/api/v1/pull?limit=0&colour=red');
    expect(res.status).toBe(400);
    const { message } = await errorOf(res);
    expect(message).toMatch(/The number of changes asked for is too small: at least 1\./);
    expect(message).toMatch(/colour/);
  });

  it('accepts, then answers a repeat with the first answer, and refuses a reused id with other content', async () => {
    const e1 = event(1);
    const first = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events: [e1] })).json(),
    );
    expect(first.results).toEqual([{ id: e1.id, status: 'accepted' }]);
    const again = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events: [e1] })).json(),
    );
    expect(again.results).toEqual([
      { id: e1.id, status: 'duplicate', original: { status: 'accepted' } },
    ]);
    const changed = { ...event(2), id: e1.id, payload: { stockId: stockIds[0], delta: 50 } };
    const refused = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events: [changed] })).json(),
    );
    expect(refused.results[0]).toMatchObject({ status: 'rejected', code: 'id-reused' });
    expect(await onHand(stockIds[0]!)).toBe(1001);
  });

  it('rejects one bad event on its own and applies the rest of the batch', async () => {
    const events = [
      event(1),
      event(2, { stockId: stockIds[0], delta: -5000 }),
      event(3, { stockId: 42 }),
      { ...event(4), type: 'no.such-type' },
      event(5, { stockId: stockIds[1], delta: 3 }),
    ];
    const { results } = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events })).json(),
    );
    expect(results.map((r) => [r.status, 'code' in r ? r.code : null])).toEqual([
      ['accepted', null],
      ['rejected', 'stock-negative'],
      ['rejected', 'invalid-payload'],
      ['rejected', 'unknown-type'],
      ['accepted', null],
    ]);
    expect(results[1]).toMatchObject({
      message: `Stock ${stockIds[0]} has 1001; it cannot go down by 5000.`,
    });
    expect(await onHand(stockIds[0]!)).toBe(1001);
    expect(await onHand(stockIds[1]!)).toBe(1003);
    // A rejected event keeps its answer too: sent again, it is a duplicate of a rejection.
    const again = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events: [events[1]] })).json(),
    );
    expect(again.results[0]).toMatchObject({
      status: 'duplicate',
      original: { status: 'rejected', code: 'stock-negative' },
    });
  });

  it('answers a gap with the seq it expects and applies nothing after it', async () => {
    const { results } = PushResponseSchema.parse(
      await (await post('/api/v1/push', { events: [event(2), event(3)] })).json(),
    );
    expect(results.map((r) => r.status)).toEqual(['gap', 'gap']);
    expect(results[0]).toMatchObject({ expectedSeq: 1 });
    expect(await onHand(stockIds[0]!)).toBe(1000);
  });

  it('answers 409 unknown-epoch for an epoch it did not issue, and issues a new one on request', async () => {
    const res = await post('/api/v1/push', {
      events: [event(1, undefined, { epoch: randomUUID() })],
    });
    expect(res.status).toBe(409);
    expect((await errorOf(res)).error).toBe('unknown-epoch');
    const issued = await post('/api/v1/epochs', {});
    const { epoch: fresh } = (await issued.json()) as { epoch: string };
    const ok = PushResponseSchema.parse(
      await (
        await post('/api/v1/push', { events: [event(1, undefined, { epoch: fresh })] })
      ).json(),
    );
    expect(ok.results[0]!.status).toBe('accepted');
  });

  it('refuses malformed, oversize, foreign and unauthenticated pushes with their status, changing nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM events');
    const cases: [Response, number, string | RegExp][] = [
      [await post('/api/v1/push', null, token, '{"events": ['), 400, 'bad-json'],
      [await post('/api/v1/push', { events: [] }), 400, /The list of events is empty/],
      [
        await post('/api/v1/push', { events: [{ ...event(1), seq: 0 }] }),
        400,
        /An event's number is too small: at least 1\./,
      ],
      [await post('/api/v1/push', { events: [event(1, 'x'.repeat(70_000))] }), 413, 'too-large'],
      [
        await post('/api/v1/push', { events: [event(1, undefined, { deviceId: 'someone-else' })] }),
        400,
        'wrong-device',
      ],
      [await post('/api/v1/push', { events: [event(1)] }, 'fwd_forged'), 401, 'unknown-token'],
    ];
    for (const [res, status, expected] of cases) {
      expect(res.status).toBe(status);
      const body = await errorOf(res);
      if (typeof expected === 'string') expect(body.error).toBe(expected);
      else expect(body.message).toMatch(expected);
    }
    expect(await t.db.query('SELECT count(*)::int AS n FROM events')).toEqual(before);
    expect(await onHand(stockIds[0]!)).toBe(1000);
  });

  it('limits pushes per device with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await post('/api/v1/push', { events: [event(i + 1)] });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(retryAfter).toBe('1');
    clock.advance(1000);
    expect((await post('/api/v1/push', { events: [event(6)] })).status).toBe(200);
  });

  it('never writes a token to its logs', async () => {
    await get('/api/v1/pull');
    await post('/api/v1/push', { events: [event(1)] });
    await get('/api/v1/pull', 'fwd_wrong-token-in-log-test');
    const logs = logLines.join('');
    expect(logs).toContain('"url":"/api/v1/pull"');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('fwd_wrong-token-in-log-test');
    expect(logs).not.toMatch(/authorization/i);
  });
});

describe('the event log', () => {
  it('refuses any change to a logged event', async () => {
    const t = await openTestDatabase('embedded');
    try {
      const registry = testRegistry();
      await seedSmallWarehouse(t.db, registry, systemClock, 1);
      await expect(t.db.query("UPDATE events SET type = 'x'")).rejects.toThrow(/append-only/);
      await expect(t.db.query('DELETE FROM events')).rejects.toThrow(/append-only/);
    } finally {
      await t.dispose();
    }
  });
});
