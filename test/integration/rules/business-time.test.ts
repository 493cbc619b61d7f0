// Business time over real HTTP, on the embedded store and PostgreSQL 15: date rules (expiry)
// use the day of the event's `at` in the warehouse's time zone, not the server's receipt; an
// `at` more than five minutes ahead is clamped to the receipt, kept, and flagged to the device.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { manualClock } from '../../../server/clock';
import { replayLog } from '../../../server/events/replay';
import { recordServerEvent } from '../../../server/events/server-events';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { snapshotState } from '../../fixtures/compare-state';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { MORNING_WAVE, OPERATORS, seedWorld } from '../../fixtures/world';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };
const ADMIN = 'admin-token-for-business-time-tests';
const MINUTE = 60 * 1000;

describe.each(kinds)('business time on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer | undefined;
  const registry = testRegistry();
  // The server's clock, new with each test's server (clocks only go forward): set to the
  // moment the events arrive.
  let clock = manualClock();
  const setClock = (iso: string) => {
    const ms = Date.parse(iso) - clock.now().getTime();
    expect(ms).toBeGreaterThanOrEqual(0);
    clock.advance(ms);
  };
  let device: { id: string; token: string; epoch: string; seq: number };

  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  // Pushes one event done at `at` (the device's clock); the server's whole answer.
  const push = async (operatorId: string, type: string, payload: unknown, at: string) => {
    device.seq += 1;
    const res = await fetch(`${server!.url}/api/v1/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        events: [
          {
            id: randomUUID(),
            epoch: device.epoch,
            seq: device.seq,
            type,
            deviceId: device.id,
            operatorId,
            at,
            payload,
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    return PushResponseSchema.parse(await res.json()).results[0]!;
  };

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${server!.url}/api/v1/admin${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  const setZone = async (timeZone: string) => {
    const res = await admin('PUT', '/time-zone', { timeZone });
    expect(res.status).toBe(200);
  };

  // The morning wave released and its tour claimed with tote T-100, all on 2026-11-25 early.
  beforeEach(async () => {
    await t.reset();
    await server?.close();
    clock = manualClock(new Date('2026-11-25T06:00:00Z'));
    server = await startTestServer(t.db, {
      registry,
      clock,
      rateLimit: NO_LIMIT,
      adminToken: ADMIN,
    });
    await seedWorld(t.db, registry, clock);
    const made = await createDevice(t.db, 'handheld', clock);
    device = { id: made.device.id, token: made.token, epoch: made.epoch, seq: 0 };
    const early = '2026-11-25T06:00:00Z';
    expect(await push(OPERATORS.lead, 'wave.released', MORNING_WAVE, early)).toMatchObject({
      status: 'accepted',
    });
    expect(await push(OPERATORS.picker, 'tour.claimed', { tourId: 'T1' }, early)).toMatchObject({
      status: 'accepted',
    });
    expect(
      await push(
        OPERATORS.picker,
        'tote.assigned',
        { tourId: 'T1', toteCode: 'T-100', slot: 0, orderId: 'SO-1' },
        early,
      ),
    ).toMatchObject({ status: 'accepted' });
  });

  // One of the item, labelled as expiring on `expiry`, picked at `at`.
  const pick = (at: string, expiry: string) =>
    push(
      OPERATORS.picker,
      'pick.confirmed',
      { pickTaskId: 'K1', qty: 1, toteCode: 'T-100', lot: 'L7', expiry },
      at,
    );

  const logged = async () =>
    (
      await t.db.query<{
        at: string;
        device_at: string | null;
        time_zone: string | null;
        business_date: string;
      }>(
        `SELECT to_jsonb(at) #>> '{}' AS at, to_jsonb(device_at) #>> '{}' AS device_at, time_zone,
                business_date::text AS business_date
           FROM events WHERE type = 'pick.confirmed' ORDER BY log_id DESC LIMIT 1`,
      )
    )[0]!;

  it('accepts a pick made offline yesterday before the expiry, arriving the next day', async () => {
    await setZone('America/New_York');
    // Picked at 15:00 in New York on the 25th, the day the item expires; synced at 10:00 the next day.
    setClock('2026-11-26T15:00:00Z');
    expect(await pick('2026-11-25T20:00:00Z', '2026-11-25')).toMatchObject({ status: 'accepted' });
    const [row] = await t.db.query<{ picked_at: string; expiry: string }>(
      "SELECT to_jsonb(picked_at) #>> '{}' AS picked_at, expiry FROM picks",
    );
    expect(Date.parse(row!.picked_at)).toBe(Date.parse('2026-11-25T20:00:00Z'));
    expect(await logged()).toMatchObject({
      device_at: null,
      time_zone: 'America/New_York',
      business_date: '2026-11-25',
    });
  });

  it('dates by the pick, not by its arrival, in a warehouse left on UTC', async () => {
    // Picked offline at 20:00 on the 25th, the day the item expires; it arrives the next afternoon.
    setClock('2026-11-26T15:00:00Z');
    expect(await pick('2026-11-25T20:00:00Z', '2026-11-25')).toMatchObject({ status: 'accepted' });
    expect(await pick('2026-11-26T09:00:00Z', '2026-11-25')).toMatchObject({
      status: 'rejected',
      code: 'expired',
    });
  });

  it('refuses a pick made after the item expired, with code expired', async () => {
    await setZone('America/New_York');
    // 09:00 in New York on the 26th: the item expired at the end of the 25th.
    setClock('2026-11-26T15:00:00Z');
    expect(await pick('2026-11-26T14:00:00Z', '2026-11-25')).toMatchObject({
      status: 'rejected',
      code: 'expired',
      message: 'This item expired on 2026-11-25; take another.',
    });
    expect(await t.db.query('SELECT 1 FROM picks')).toHaveLength(0);
  });

  it('dates 23:30 in New York (UTC-5) on that day, though UTC is on the next', async () => {
    await setZone('America/New_York');
    setClock('2026-11-26T04:35:00Z');
    expect(await pick('2026-11-26T04:30:00Z', '2026-11-25')).toMatchObject({ status: 'accepted' });
    expect((await logged()).business_date).toBe('2026-11-25');
  });

  it('dates 23:30 in Tokyo (UTC+9) on that day, and half past midnight on the next', async () => {
    await setZone('Asia/Tokyo');
    // 23:30 JST on the 25th is 14:30Z; 00:30 JST on the 26th is 15:30Z, still the 25th in UTC.
    setClock('2026-11-25T15:35:00Z');
    expect(await pick('2026-11-25T14:30:00Z', '2026-11-25')).toMatchObject({ status: 'accepted' });
    expect(await pick('2026-11-25T15:30:00Z', '2026-11-25')).toMatchObject({
      status: 'rejected',
      code: 'expired',
    });
    expect((await logged()).business_date).toBe('2026-11-26');
  });

  it('gives the same instant a different business date in UTC-5 and UTC+9', async () => {
    // 04:30Z on the 26th: 23:30 on the 25th in New York, 13:30 on the 26th in Tokyo.
    const at = '2026-11-26T04:30:00Z';
    setClock('2026-11-26T04:35:00Z');
    await setZone('Asia/Tokyo');
    expect(await pick(at, '2026-11-25')).toMatchObject({ status: 'rejected', code: 'expired' });
    await setZone('America/New_York');
    expect(await pick(at, '2026-11-25')).toMatchObject({ status: 'accepted' });
  });

  it('clamps an at ten minutes ahead to the receipt, keeps the original and flags the clock', async () => {
    // UTC. Received at 23:55 on the 25th; the device's clock says 00:05 on the 26th, after the
    // item expired: the rules use the receipt time, so the pick stands.
    const received = '2026-11-25T23:55:00.000Z';
    const deviceAt = '2026-11-26T00:05:00.000Z';
    setClock(received);
    expect(await pick(deviceAt, '2026-11-25')).toEqual({
      id: expect.any(String),
      status: 'accepted',
      clockAheadMs: 10 * MINUTE,
    });
    const row = await logged();
    expect(Date.parse(row.at)).toBe(Date.parse(received));
    expect(Date.parse(row.device_at!)).toBe(Date.parse(deviceAt));
    expect(row).toMatchObject({ time_zone: 'UTC', business_date: '2026-11-25' });
    // Four minutes ahead is drift: kept as it is, and nothing to flag.
    setClock('2026-11-25T23:56:00.000Z');
    const drift = await pick('2026-11-25T23:59:00.000Z', '2026-11-25');
    expect(drift).toEqual({ id: expect.any(String), status: 'accepted' });
    expect(await logged()).toMatchObject({ device_at: null });
  });

  it('flags the clock on a refused event too', async () => {
    setClock('2026-11-26T12:00:00.000Z');
    expect(await pick('2026-11-26T13:00:00.000Z', '2020-01-01')).toMatchObject({
      status: 'rejected',
      code: 'expired',
      clockAheadMs: 60 * MINUTE,
    });
  });

  it('replays the log to the same state after the zone changed', async () => {
    await setZone('America/New_York');
    setClock('2026-11-26T04:35:00Z');
    expect(await pick('2026-11-26T04:30:00Z', '2026-11-25')).toMatchObject({ status: 'accepted' });
    setClock('2026-11-26T04:40:00Z');
    expect(await pick('2026-11-26T04:55:00Z', '2026-11-25')).toMatchObject({
      status: 'accepted',
      clockAheadMs: 15 * MINUTE,
    });
    // Dated in Tokyo (or UTC) the first pick would be on the 26th, after the expiry.
    await setZone('Asia/Tokyo');
    const replica = await t.openSchema(`replay_${kind}`);
    await replayLog(t.db, replica, registry);
    expect(await snapshotState(replica)).toEqual(await snapshotState(t.db));
  });

  it('tells devices the zone in every pull page', async () => {
    const page = async () => {
      const res = await fetch(`${server!.url}/api/v1/pull?limit=5`, {
        headers: { authorization: `Bearer ${device.token}` },
      });
      return PullPageSchema.parse(await res.json());
    };
    expect((await page()).timeZone).toBe('UTC');
    await setZone('asia/tokyo');
    expect((await page()).timeZone).toBe('Asia/Tokyo');
  });

  it('refuses an unknown zone with a sentence, and changes nothing', async () => {
    await setZone('Europe/Berlin');
    for (const timeZone of ['Mars/Olympus_Mons', '+05:00', '', 42]) {
      const res = await admin('PUT', '/time-zone', { timeZone });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: string; message: string };
      expect(body.error).toBe('bad-request');
      expect(body.message).toMatch(/^time zone: timeZone: /);
    }
    const res = await admin('PUT', '/time-zone', { timeZone: 'Mars/Olympus_Mons' });
    expect(((await res.json()) as { message: string }).message).toBe(
      'time zone: timeZone: "Mars/Olympus_Mons" is not a time zone name this server knows: use an IANA name such as America/New_York, Europe/Berlin, Asia/Tokyo or UTC',
    );
    expect(await (await admin('GET', '/time-zone')).json()).toEqual({ timeZone: 'Europe/Berlin' });
    // Only the accepted change is in the log.
    const set = await t.db.query<{ status: string }>(
      "SELECT status FROM events WHERE type = 'admin.time-zone-set'",
    );
    expect(set.map((e) => e.status)).toEqual(['accepted']);
  });

  it('dates server events in the zone too', async () => {
    await setZone('Asia/Tokyo');
    setClock('2026-11-25T15:30:00Z'); // 00:30 on the 26th in Tokyo
    const outcome = await recordServerEvent(t.db, registry, clock, 'oms.stock-received', {
      receipts: [{ locationId: 'L1', skuId: 'S1', qty: 1 }],
    });
    expect(outcome.ok).toBe(true);
    const [row] = await t.db.query<{ business_date: string }>(
      "SELECT business_date::text AS business_date FROM events WHERE type = 'oms.stock-received' ORDER BY log_id DESC LIMIT 1",
    );
    expect(row!.business_date).toBe('2026-11-26');
  });
});
