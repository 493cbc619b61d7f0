// Input that used to come back as 500 (PostgreSQL refusing it, or the content hash overflowing
// the stack): each is now a 400 naming the field, or a rejected event with a reason.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { ErrorBodySchema } from '../../../shared/sync-api/errors';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { brokenTextProblem } from '../../../shared/text-safety';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { LEAD_AND_PICKER, seedWarehouseAndDevice, testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

const kinds = await availableDbKinds();

// JSON.stringify itself would overflow on this: the body is written as text.
const NESTED = '__nested__';
const nestedJson = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe.each(kinds)('hostile input on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let token: string;
  let deviceId: string;
  let epoch: string;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, { registry, adminToken: 'admin-secret-token-123456' });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    ({ token, deviceId, epoch } = await seedWarehouseAndDevice(
      t.db,
      registry,
      systemClock,
      'scanner',
      {
        operators: LEAD_AND_PICKER,
      },
    ));
  });

  const push = (events: unknown[]) =>
    fetch(`${server.url}/api/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ events }).replace(`"${NESTED}"`, nestedJson(5000)),
    });
  const event = (over: Record<string, unknown>) => ({
    id: randomUUID(),
    epoch,
    seq: 1,
    type: 'pick.confirmed',
    deviceId,
    operatorId: 'pick-1',
    at: '2026-11-25T08:59:00.000Z',
    payload: { pickTaskId: 'T1', qty: 1, toteCode: 'TOTE-1' },
    ...over,
  });
  const refusal = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(400);
    return ErrorBodySchema.parse(await res.json()).message;
  };
  const eventsStored = async () =>
    (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE source = $1', [
        'device',
      ])
    )[0]!.n;

  it.each([
    ['a seq past 2^31-1', { seq: 2 ** 31 }, /An event's number is too large/],
    [
      'a timestamp in year 0',
      { at: '0000-01-01T00:00:00Z' },
      /An event's time must be a date between 2000/,
    ],
    [
      'a +23:59 offset',
      { at: '2026-01-01T00:00:00+23:59' },
      /An event's time has a UTC offset beyond ±14:00/,
    ],
    ['a NUL byte in the type', { type: 'pick\u0000confirmed' }, /An event's kind contains a NUL/],
    [
      'a lone surrogate in the operator',
      { operatorId: 'pick-1\ud800' },
      /An event's operator is not valid text/,
    ],
    [
      'a payload nested 5,000 deep',
      { type: 'no.such', payload: NESTED },
      /An event's content is nested more than 32/,
    ],
  ])('refuses an envelope with %s by field, storing nothing', async (_what, over, message) => {
    const res = await push([event(over)]);
    expect(await refusal(res)).toMatch(message);
    expect(await eventsStored()).toBe(0);
  });

  // The payload is the event's business: a bad one is a rejected event with a reason (so the
  // device moves on), stored without the text PostgreSQL cannot hold.
  it.each([
    [
      'a NUL byte in a payload text',
      {},
      { pickTaskId: 'T\u00001', qty: 1, toteCode: 'X' },
      'invalid-payload',
      /The pick task contains a NUL/,
    ],
    [
      'a lone surrogate in a payload text',
      {},
      { pickTaskId: 'T1', qty: 1, toteCode: 'X\ud800' },
      'invalid-payload',
      /The tote code is not valid text/,
    ],
    [
      'a NUL byte in an unknown event',
      { type: 'no.such' },
      { note: 'a\u0000b' },
      'unknown-type',
      /no\.such/,
    ],
    [
      'a lone surrogate in a key',
      { type: 'no.such' },
      { ['k\udc00']: 1 },
      'unknown-type',
      /no\.such/,
    ],
    [
      'a NUL byte in an unknown key',
      {},
      { pickTaskId: 'T1', qty: 1, toteCode: 'X', ['bad\u0000key']: 1 },
      'invalid-payload',
      /bad\ufffdkey/,
    ],
  ])(
    'rejects an event with %s, keeping no raw payload',
    async (_what, over, payload, code, message) => {
      const e = event({ ...over, payload });
      const res = await push([e]);
      expect(res.status, await res.clone().text()).toBe(200);
      const [result] = PushResponseSchema.parse(await res.json()).results;
      expect(result).toMatchObject({ id: e.id, status: 'rejected', code });
      expect(result?.status === 'rejected' && result.message).toMatch(message);
      const [row] = await t.db.query<{ payload: unknown; payload_prefix: string; message: string }>(
        'SELECT payload, payload_prefix, message FROM events WHERE id = $1',
        [e.id],
      );
      expect(row!.payload).toBeNull();
      expect(brokenTextProblem(row!.payload_prefix)).toBeNull();
      expect(row!.payload_prefix.length).toBeGreaterThan(0);
      // Sent again, it gets the same answer as a duplicate.
      const again = PushResponseSchema.parse(await (await push([e])).json()).results[0];
      expect(again).toMatchObject({ status: 'duplicate', original: { status: 'rejected', code } });
    },
  );

  it('keeps a rejected 1.9 MiB payload as its code, reason, hash and a 1 KiB prefix', async () => {
    const e = event({
      type: 'backorder-line.held',
      operatorId: 'lead-1',
      payload: { backorderLineId: 'B1', reason: 'x'.repeat(1.9 * 1024 * 1024) },
    });
    const [result] = PushResponseSchema.parse(await (await push([e])).json()).results;
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid-payload' });
    const [row] = await t.db.query<{
      payload: unknown;
      prefix: string;
      bytes: number;
      message: string;
      hash: string;
      size: number;
    }>(
      `SELECT payload, payload_prefix AS prefix, payload_bytes AS bytes, message,
              content_hash AS hash, pg_column_size(e.*)::int AS size FROM events e WHERE id = $1`,
      [e.id],
    );
    expect(row!.payload).toBeNull();
    expect(row!.prefix).toBe(JSON.stringify(e.payload).slice(0, 1024));
    expect(row!.bytes).toBe(JSON.stringify(e.payload).length);
    expect(row!.message).toMatch(/reason/);
    expect(row!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.size).toBeLessThan(4096);
    // The answer to a repeat still comes from the stored hash and reason.
    const [again] = PushResponseSchema.parse(await (await push([e])).json()).results;
    expect(again).toMatchObject({ status: 'duplicate', original: { code: 'invalid-payload' } });
    const other = { ...e, payload: { backorderLineId: 'B2', reason: 'y' } };
    const [reused] = PushResponseSchema.parse(await (await push([other])).json()).results;
    expect(reused).toMatchObject({ status: 'rejected', code: 'id-reused' });
  });

  it('refuses a quantity past 2^31-1 by field', async () => {
    const res = await push([
      event({
        type: 'allocation.committed',
        operatorId: 'lead-1',
        payload: {
          lines: [{ backorderLineId: 'B1', reservations: [{ locationId: 'L1', qty: 2 ** 31 }] }],
        },
      }),
    ]);
    const [result] = PushResponseSchema.parse(await res.json()).results;
    expect(result).toMatchObject({ status: 'rejected', code: 'invalid-payload' });
    expect(result?.status === 'rejected' && result.message).toMatch(/The quantity is too large/);
  });

  it('answers 400, not 500, to a checkpoint past what the database counts', async () => {
    const first = await fetch(`${server.url}/api/v1/pull`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { checkpoint } = (await first.json()) as { checkpoint: string };
    const databaseId = checkpoint.split('.')[0];
    for (const bad of [
      `${databaseId}.99999999999999999999.1`,
      `${databaseId}.1.9999999999999999`,
    ]) {
      const res = await fetch(`${server.url}/api/v1/pull?checkpoint=${bad}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, bad).toBeLessThan(500);
      if (res.status >= 400) expect(ErrorBodySchema.parse(await res.json()).message).not.toBe('');
    }
  });

  it('answers 400, not 500, to hostile admin and enroll bodies', async () => {
    const admin = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer admin-secret-token-123456',
        },
        body: JSON.stringify(body),
      });
    expect(
      await refusal(
        await admin('/api/v1/admin/expected-receipts', {
          id: 'E1',
          skuId: 'SKU-1',
          qty: 1,
          expectedAt: '0000-01-01T00:00:00Z',
        }),
      ),
    ).toMatch(/expectedAt/);
    expect(
      await refusal(
        await admin('/api/v1/admin/stock-receipts', {
          receipts: [{ locationId: 'L1', skuId: 'SKU-1', qty: 2 ** 31 }],
        }),
      ),
    ).toMatch(/qty/);
    // Each within int4, their sum is not: PostgreSQL refuses it, and the event is refused
    // with its reason instead of a 500.
    const overflow = await admin('/api/v1/admin/stock-receipts', {
      receipts: [{ locationId: 'L1', skuId: 'SKU-1', qty: 2 ** 31 - 1 }],
    });
    expect(overflow.status).toBe(422);
    expect(ErrorBodySchema.parse(await overflow.json())).toMatchObject({
      error: 'data-refused',
      message: expect.stringMatching(
        /The event "oms.stock-received" holds a value the database cannot store \(.*out of range/,
      ),
    });
    const enroll = await fetch(`${server.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bad\u0000name' }),
    });
    expect(await refusal(enroll)).toMatch(/name/);
  });
});
