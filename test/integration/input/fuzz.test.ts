// Fuzz over every request the server takes (pull query, push body with every device event type,
// enroll, epochs, the admin routes): valid-shaped requests with one field swapped for something
// hostile. Whatever comes in: no 5xx, every refusal has a reason, and nothing invalid is stored.
// Fixed seed and bounded runs, so a failure replays and the suite stays fast on two cores.
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { REJECTED_MESSAGE_CHARS, REJECTED_PREFIX_CHARS } from '../../../server/events/record';
import { ENTITY_SCHEMAS, type EntityName } from '../../../shared/domain/entities';
import { DEVICE_EVENTS, type DeviceEventType } from '../../../shared/sync-api/events/catalogue';
import { ErrorBodySchema } from '../../../shared/sync-api/errors';
import { PullPageSchema, type Change } from '../../../shared/sync-api/pull';
import { EventEnvelopeSchema, PushResponseSchema } from '../../../shared/sync-api/push';
import { brokenTextProblem } from '../../../shared/text-safety';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { LEAD_AND_PICKER, seedWarehouseAndDevice, testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

const kinds = await availableDbKinds();
const SEED = 20261201;
const ADMIN = 'fuzz-admin-token-0123456789';
// Per property; each run is one request. Enough to hit every field of every type with several
// hostile values, small enough for a slow machine (measured in the report).
const RUNS = { push: 120, other: 25 };

// ---- Hostile values ----

const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 3,
});
const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\udbff\udfff',
    '😀',
    'x'.repeat(201),
    'x'.repeat(100_000),
    "'; DROP TABLE events; --",
    '%00',
    '\\u0000',
    ' ',
  ),
  loneSurrogates.map((s) => `a${s}b`),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53,
    2 ** 53 + 2,
    1e308,
    -1,
    0,
    0.5,
    1e-300,
    -1e308,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const hostileTime = fc.oneof(
  fc.constantFrom(
    '0000-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    '1999-12-31T23:59:59Z',
    '2100-01-01T00:00:00Z',
    '2026-01-01T00:00:00+23:59',
    '2026-01-01T00:00:00-14:01',
    '2026-01-01T00:00:00+14:00',
    '2026-02-30T00:00:00Z',
    '2026-01-01T24:00:00Z',
    '2026-01-01',
    '0000-01-01',
    '2026-13-01',
  ),
  fc
    .date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const hostileShape = fc.oneof(
  fc.constantFrom(null, true, false, [], {}, [1, 2, 3], { a: 1 }),
  fc.integer({ min: 30, max: 300 }).map(nested),
  fc.constant(Array.from({ length: 2000 }, (_, i) => i)),
);
const hostile = fc.oneof(hostileString, hostileNumber, hostileTime, hostileShape);

// ---- Mutating a valid body ----

type Json = unknown;
const paths = (value: Json, at: (string | number)[] = []): (string | number)[][] => {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
};
const setAt = (value: Json, path: (string | number)[], next: Json): Json => {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    Json
  >;
  copy[head!] = setAt(copy[head!], rest, next);
  return copy;
};

// One field (any depth, or the whole body) swapped for a hostile value, a hostile key added,
// or nothing changed: valid requests must keep working too.
const mutation = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set'), pick: fc.nat(), value: hostile }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('key'),
      pick: fc.nat(),
      value: fc.tuple(hostileString, hostile),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('none'), pick: fc.nat(), value: fc.constant(null) }),
  },
);
type Mutation = { kind: string; pick: number; value: unknown };
const mutate = (base: Json, m: Mutation, within: (string | number)[] = []): Json => {
  if (m.kind === 'none') return base;
  const all = paths(base).filter((p) => within.every((w, i) => p[i] === w));
  if (m.kind === 'set') return setAt(base, all[m.pick % all.length]!, m.value);
  const objects = all.filter((p) => {
    let v: Json = base;
    for (const k of p) v = (v as Record<string | number, Json>)[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const target = objects[m.pick % objects.length] ?? [];
  const [key, value] = m.value as [string, Json];
  let obj: Json = base;
  for (const k of target) obj = (obj as Record<string | number, Json>)[k];
  return setAt(base, target, { ...(obj as object), [key]: value });
};

// ---- Valid requests to start from ----

const DEVICE_PAYLOADS: Record<DeviceEventType, Json> = {
  'backorder-line.held': { backorderLineId: 'B1', reason: 'customer asked' },
  'backorder-line.released': { backorderLineId: 'B1' },
  'allocation.committed': {
    lines: [{ backorderLineId: 'B1', reservations: [{ locationId: 'L1', qty: 2 }] }],
  },
  'wave.released': {
    waveId: 'W1',
    name: 'Morning',
    allocation: [{ backorderLineId: 'B1', reservations: [{ locationId: 'L1', qty: 1 }] }],
    tours: [
      {
        tourId: 'T1',
        sequence: 0,
        routeLengthM: 12.5,
        tasks: [
          {
            pickTaskId: 'PT1',
            backorderLineId: 'B1',
            locationId: 'L1',
            qty: 1,
            sequence: 0,
            toteSlot: 0,
          },
        ],
      },
    ],
  },
  'wave.cancelled': { waveId: 'W1', releaseStock: true },
  'tour.assigned': { tourId: 'T1', pickerId: 'pick-1' },
  'stock.received': {
    receiptId: 'RC1',
    lines: [{ skuId: 'SKU-1', locationId: 'L1', qty: 3 }],
  },
  'tour.unassigned': { tourId: 'T1' },
  'tour.reassigned': { tourId: 'T1', pickerId: 'pick-1' },
  'operator.unlocked': { operatorId: 'pick-1', reason: 'came to the desk' },
  'operator.pin-refused': {},
  'operator.pin-accepted': {},
  'floor-settings.changed': {
    priorityRules: [{ rule: 'customer-tier', on: true }],
    oneTourPerPicker: false,
    pickRatePerHour: 80,
    stallMinutes: 15,
    locationCheckDigits: true,
  },
  'tour.claimed': { tourId: 'T1' },
  'tote.assigned': { tourId: 'T1', toteCode: 'TOTE-1', slot: 0, orderId: 'SO-1' },
  'pick.confirmed': {
    pickTaskId: 'PT1',
    qty: 1,
    toteCode: 'TOTE-1',
    lot: 'LOT1',
    serial: 'SN1',
    expiry: '2027-01-31',
  },
  'short-pick.reported': {
    pickTaskId: 'PT1',
    foundQty: 0,
    toteCode: 'TOTE-1',
    reason: 'not-found',
  },
  'pick.undone': { pickId: randomUUID() },
  'tour.completed': { tourId: 'T1' },
  'totes.dropped': { tourId: 'T1', packStation: 'PACK-1' },
  'location.counted': { locationId: 'L1', skuId: 'SKU-1', qty: 5 },
  'shipment.confirmed': {
    shipmentId: 'SH1',
    orderId: 'SO-1',
    lines: [{ backorderLineId: 'B1', qty: 1 }],
    carrier: 'DHL',
    service: 'Express',
    trackingNumber: '1Z999',
    weightKg: 1.5,
    parcels: 1,
  },
  'shipment-item.removed': { backorderLineId: 'B1', qty: 1, reason: 'damaged' },
  'stock.returned': { locationId: 'L1', skuId: 'SKU-1', qty: 1 },
};
const OPERATOR_OF = { lead: 'lead-1', picker: 'pick-1', packer: 'pack-1', any: 'pick-1' } as const;
const DEVICE_TYPES = Object.keys(DEVICE_EVENTS) as DeviceEventType[];

const ORDER_LINE = {
  id: 'B9',
  orderId: 'SO-9',
  lineNo: 1,
  skuId: 'SKU-1',
  customerId: 'C1',
  customerTier: 2,
  orderedAt: '2026-11-20T10:00:00Z',
  promisedBy: '2026-11-27T10:00:00Z',
  shipComplete: false,
  carrier: 'DHL',
  cutoffAt: null,
  qtyOrdered: 5,
  qtyBackordered: 3,
};

// Method, path (its id segment may be mutated too) and a valid body or query.
interface AdminRoute {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: Json;
  query?: Record<string, string>;
}
const ADMIN_ROUTES: AdminRoute[] = [
  { method: 'POST', path: '/api/v1/admin/enrollment-codes', body: { ttlMinutes: 30 } },
  { method: 'GET', path: '/api/v1/admin/devices' },
  { method: 'POST', path: '/api/v1/admin/devices/:id/revoke', body: {} },
  {
    method: 'POST',
    path: '/api/v1/admin/operators',
    body: { badge: 'PI7', name: 'Pia', role: 'picker', pin: '482913' },
  },
  { method: 'PATCH', path: '/api/v1/admin/operators/:id', body: { name: 'Pat P.' } },
  { method: 'POST', path: '/api/v1/admin/operators/:id/deactivate', body: {} },
  { method: 'POST', path: '/api/v1/admin/operators/:id/pin', body: { pin: '482913' } },
  {
    method: 'POST',
    path: '/api/v1/admin/stock-receipts',
    body: { receipts: [{ locationId: 'L1', skuId: 'SKU-1', qty: 3 }] },
  },
  { method: 'POST', path: '/api/v1/admin/orders', body: { lines: [ORDER_LINE] } },
  { method: 'POST', path: '/api/v1/admin/lines/:id/cancel', body: { reason: 'customer' } },
  {
    method: 'POST',
    path: '/api/v1/admin/expected-receipts',
    body: { id: 'ER1', skuId: 'SKU-1', qty: 4, expectedAt: '2026-12-02T08:00:00Z' },
  },
  { method: 'GET', path: '/api/v1/admin/events', query: { limit: '10' } },
];

// Percent-encoding that also writes half a surrogate pair (as the 3 bytes a sloppy encoder
// would send), which encodeURIComponent refuses to.
const pct = (s: string): string =>
  s
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
      const u = c.charCodeAt(0);
      return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    })
    .replace(/[^%A-F0-9]+|%(?![A-F0-9]{2})/g, (part) => encodeURIComponent(part));
const queryString = (q: Record<string, unknown>) =>
  Object.entries(q)
    .map(([k, v]) => `${pct(k)}=${pct(String(v))}`)
    .join('&');

describe.each(kinds)('fuzzed requests on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let token: string;
  let deviceId: string;
  let epoch: string;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, {
      registry,
      adminToken: ADMIN,
      loopbackEnrollment: true,
      rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
    });
    ({ token, deviceId, epoch } = await seedWarehouseAndDevice(
      t.db,
      registry,
      systemClock,
      'fuzzer',
      {
        operators: [
          ...LEAD_AND_PICKER,
          { id: 'pack-1', badge: 'PA1', name: 'Pax Packer', role: 'packer', active: true },
        ],
      },
    ));
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  // Sends one request; checks the answer is not 5xx and that a refusal carries a reason.
  const send = async (
    method: string,
    url: string,
    body: Json | undefined,
    auth: string | null,
  ): Promise<{ status: number; json: unknown }> => {
    const res = await server.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
    expect(
      res.statusCode,
      `${method} ${url.slice(0, 200)} → ${res.body.slice(0, 300)}`,
    ).toBeLessThan(500);
    const json: unknown = JSON.parse(res.body);
    if (res.statusCode >= 400) {
      const error = ErrorBodySchema.parse(json);
      expect(error.error.length).toBeGreaterThan(0);
      expect(error.message.length).toBeGreaterThan(0);
    }
    return { status: res.statusCode, json };
  };

  const nextSeq = async () =>
    Number(
      (
        await t.db.query<{ next_seq: string | number }>(
          'SELECT next_seq FROM device_epochs WHERE epoch = $1',
          [epoch],
        )
      )[0]!.next_seq,
    );

  it('push: every event type, with one field of the envelope or payload made hostile', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DEVICE_TYPES),
        fc.boolean(),
        mutation,
        async (type, inPayload, m) => {
          const base = {
            id: randomUUID(),
            epoch,
            seq: await nextSeq(),
            type,
            deviceId,
            operatorId: OPERATOR_OF[DEVICE_EVENTS[type].role],
            at: new Date().toISOString(),
            payload: DEVICE_PAYLOADS[type],
          };
          const event = mutate(base, m, inPayload ? ['payload'] : []);
          const { status, json } = await send('POST', '/api/v1/push', { events: [event] }, token);
          if (status !== 200) return;
          for (const r of PushResponseSchema.parse(json).results) {
            if (r.status === 'rejected') {
              expect(r.code.length).toBeGreaterThan(0);
              expect(r.message.length).toBeGreaterThan(0);
              expect(r.message.length).toBeLessThanOrEqual(REJECTED_MESSAGE_CHARS);
            }
          }
        },
      ),
      { seed: SEED, numRuns: RUNS.push, endOnFailure: true },
    );
  }, 240_000);

  it('pull, epochs and enroll: hostile queries and bodies', async () => {
    const pullQuery = { limit: '50', eventDays: '3', checkpoint: 'x' };
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const q = mutate(pullQuery, m) as Record<string, unknown>;
        const url =
          q && typeof q === 'object' && !Array.isArray(q)
            ? `/api/v1/pull?${queryString(q)}`
            : `/api/v1/pull?${pct(String(q))}`;
        await send('GET', url, undefined, token);
        await send('POST', '/api/v1/epochs', mutate({}, m), token);
        await send(
          'POST',
          '/api/v1/enroll',
          mutate({ name: 'Scanner 7', deviceId: randomUUID() }, m),
          null,
        );
      }),
      { seed: SEED, numRuns: RUNS.other, endOnFailure: true },
    );
  }, 240_000);

  it('admin routes: hostile bodies, queries and path ids', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ADMIN_ROUTES),
        mutation,
        hostileString,
        fc.boolean(),
        async (route, m, id, hostileId) => {
          const path = route.path.replace(
            ':id',
            pct(hostileId ? id : route.path.includes('operators') ? 'pick-1' : 'B1'),
          );
          if (route.method === 'GET') {
            const q = mutate(route.query ?? {}, m);
            const qs =
              q && typeof q === 'object' && !Array.isArray(q)
                ? queryString(q as Record<string, unknown>)
                : pct(String(q));
            await send('GET', `${path}?${qs}`, undefined, ADMIN);
          } else {
            await send(route.method, path, mutate(route.body, m), ADMIN);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS.other * ADMIN_ROUTES.length, endOnFailure: true },
    );
  }, 240_000);

  // OMS events no route takes (a connector or the demo seed records them): each payload with a
  // hostile field is accepted or refused with a reason, never thrown (a 500 in any caller).
  it('server-side events: every OMS payload with a hostile field', async () => {
    const oms: Record<string, Json> = {
      'oms.layout-defined': {
        layout: {
          id: 'main',
          name: 'Test',
          aisleCount: 2,
          aisleLengthM: 10,
          aisleSpacingM: 3,
          crossAislesM: [0, 10],
          depotAisle: 1,
          depotCrossAisleM: 0,
        },
        locations: [
          { id: 'L1', code: 'L1', zone: 'A', aisle: 1, positionM: 1, level: 0, side: 'left' },
        ],
      },
      'oms.skus-defined': {
        skus: [
          {
            id: 'SKU-1',
            sku: 'SKU-1',
            description: 'part',
            unit: 'ea',
            weightKg: 1,
            volumeL: 1,
            barcodes: [{ code: '4006381333931', kind: 'each', units: 1 }],
          },
        ],
      },
      'oms.operators-defined': {
        operators: [{ id: 'pick-9', badge: 'PI9', name: 'Pim', role: 'picker', active: true }],
      },
      'oms.daily-counts-recorded': {
        days: [{ id: '2026-11-24', ordersPlaced: 10, linesPlaced: 20, linesBackordered: 2 }],
      },
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(oms)), mutation, async (type, m) => {
        const outcome = await recordServerEvent(
          t.db,
          registry,
          systemClock,
          type,
          mutate(oms[type], m),
        );
        if (!outcome.ok) {
          expect(outcome.code.length).toBeGreaterThan(0);
          expect(outcome.message.length).toBeGreaterThan(0);
        }
      }),
      { seed: SEED, numRuns: RUNS.other * 4, endOnFailure: true },
    );
  }, 240_000);

  it('raw bodies no JSON.stringify can make: refused with a reason', async () => {
    const event = async (payload: string) =>
      `{"events":[{"id":"${randomUUID()}","epoch":"${epoch}","seq":${await nextSeq()},"type":"pick.confirmed","deviceId":"${deviceId}","operatorId":"pick-1","at":"2026-11-25T08:00:00Z","payload":${payload}}]}`;
    for (const body of [
      await event(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
      await event(`${'['.repeat(5000)}${']'.repeat(5000)}`),
      await event(`${'['.repeat(800_000)}${']'.repeat(800_000)}`),
      await event(`${'{"constructor":'.repeat(50_000)}1${'}'.repeat(50_000)}`),
      await event(`${'{"__proto__":'.repeat(50_000)}1${'}'.repeat(50_000)}`),
      await event('{"pickTaskId":"PT1","qty":1e400,"toteCode":"T"}'),
      await event('{"pickTaskId":"PT1","qty":1,"toteCode":"T","\\u0000":1}'),
      '{"events":[',
      '',
      'null',
    ]) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/push',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: body,
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      if (res.statusCode >= 400) expect(ErrorBodySchema.parse(res.json()).message).not.toBe('');
    }
  });

  // Runs last (vitest keeps the order): whatever the runs above stored must be valid.
  it('stored nothing invalid: every event and every row a device pulls passes its schema', async () => {
    const events = await t.db.query<{
      id: string;
      type: string;
      source: string;
      device_id: string | null;
      epoch: string | null;
      seq: string | number | null;
      operator_id: string | null;
      at: string;
      status: string;
      payload: unknown;
      payload_prefix: string | null;
      code: string | null;
      message: string | null;
    }>(
      `SELECT id, type, source, device_id, epoch, seq, operator_id, to_jsonb(at) #>> '{}' AS at,
              status, payload, payload_prefix, code, message FROM events`,
    );
    const bySource = (s: string, status: string) =>
      events.filter((e) => e.source === s && e.status === status).length;
    // The fuzz reached the database both ways, or it proved little.
    expect(bySource('device', 'rejected')).toBeGreaterThan(20);
    expect(bySource('admin', 'accepted')).toBeGreaterThan(3);
    for (const e of events) {
      if (e.source === 'device') {
        const envelope = EventEnvelopeSchema.safeParse({
          id: e.id,
          epoch: e.epoch,
          seq: Number(e.seq),
          type: e.type,
          deviceId: e.device_id,
          operatorId: e.operator_id,
          at: e.at,
          payload: e.payload,
        });
        expect(envelope.success, `${e.id}: ${envelope.error?.message}`).toBe(true);
      }
      if (e.status === 'accepted') {
        const def = registry.get(e.type);
        expect(def?.payload.safeParse(e.payload).success, `${e.type} ${e.id}`).toBe(true);
      } else {
        expect(e.payload).toBeNull();
        expect(e.payload_prefix!.length).toBeLessThanOrEqual(REJECTED_PREFIX_CHARS);
        expect(brokenTextProblem(e.payload_prefix!)).toBeNull();
        expect(e.code).toBeTruthy();
        expect(e.message).toBeTruthy();
        expect(brokenTextProblem(e.message!)).toBeNull();
      }
    }
    const changes: Change[] = [];
    let checkpoint = '';
    for (let page = 0; page < 200; page++) {
      const { status, json } = await send(
        'GET',
        `/api/v1/pull?limit=1000${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
        undefined,
        token,
      );
      expect(status).toBe(200);
      const p = PullPageSchema.parse(json);
      changes.push(...p.changes);
      checkpoint = p.checkpoint;
      if (!p.hasMore) break;
    }
    expect(changes.length).toBeGreaterThan(10);
    for (const c of changes) {
      if (c.row === null) continue;
      const parsed = ENTITY_SCHEMAS[c.entity as EntityName].safeParse(c.row);
      expect(parsed.success, `${c.entity} ${c.id}: ${parsed.error?.message}`).toBe(true);
    }
  });
});
