// The lead's control of released tours and waves, and one tour per picker, over real HTTP, on
// the embedded store and PostgreSQL 15: each event applies once, and each refusal has its code.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDevice } from '../../../server/auth/devices';
import { systemClock } from '../../../server/clock';
import { PushResponseSchema } from '../../../shared/sync-api/push';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, rowOf, seedWorld } from '../../fixtures/world';

const kinds = await availableDbKinds();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

// Wave W1: tour T1 takes 6 of S1 at L1 for SO-1/1, tour T2 takes 4 of S1 at L1 for SO-2/1.
const WAVE = {
  waveId: 'W1',
  name: 'Wave 1',
  allocation: [
    { backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 6 }] },
    { backorderLineId: 'SO-2/1', reservations: [{ locationId: 'L1', qty: 4 }] },
  ],
  tours: ['SO-1/1', 'SO-2/1'].map((line, i) => ({
    tourId: `T${i + 1}`,
    sequence: i,
    routeLengthM: 30,
    tasks: [
      {
        pickTaskId: `K${i + 1}`,
        backorderLineId: line,
        locationId: 'L1',
        qty: i === 0 ? 6 : 4,
        sequence: 0,
        toteSlot: 0,
      },
    ],
  })),
};

interface Envelope {
  id: string;
  type: string;
  operatorId: string;
  at: string;
  payload: unknown;
}

describe.each(kinds)('the lead controls the floor, on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  const registry = testRegistry();
  let send: (e: Envelope) => Promise<Record<string, unknown>>;

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    const { device, token, epoch } = await createDevice(t.db, 'floor device', systemClock);
    let next = 0;
    const seqOf = new Map<string, number>();
    // The same envelope sent again (same seq, same content) is the device's retry.
    send = async (e) => {
      const seq = seqOf.get(e.id) ?? ++next;
      seqOf.set(e.id, seq);
      const res = await fetch(`${server.url}/api/v1/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: [{ ...e, epoch, seq, deviceId: device.id }] }),
      });
      expect(res.status).toBe(200);
      return PushResponseSchema.parse(await res.json()).results[0]! as Record<string, unknown>;
    };
  }, 60_000);

  const event = (operatorId: string, type: string, payload: unknown): Envelope => ({
    id: randomUUID(),
    type,
    operatorId,
    at: new Date().toISOString(),
    payload,
  });
  const lead = (type: string, payload: unknown) => send(event(OPERATORS.lead, type, payload));
  const picker = (who: string, type: string, payload: unknown) => send(event(who, type, payload));
  const tour = (id: string) =>
    rowOf<{ status: string; picker_id: string | null }>(t.db, 'tours', id);
  const logged = async (id: string) =>
    (
      await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE id = $1', [id])
    )[0]!.n;

  it('refuses a second claim while the picker holds a tour, in a sentence, and changes nothing', async () => {
    await lead('wave.released', WAVE);
    expect(await picker(OPERATORS.picker, 'tour.claimed', { tourId: 'T1' })).toMatchObject({
      status: 'accepted',
    });
    expect(await picker(OPERATORS.picker, 'tour.claimed', { tourId: 'T2' })).toMatchObject({
      status: 'rejected',
      code: 'one-tour-at-a-time',
      message: 'You already hold Tour 1 of Wave 1: finish or drop it first.',
    });
    expect(await tour('T2')).toMatchObject({ status: 'released', picker_id: null });
    // Another picker may take it.
    expect(await picker(OPERATORS.picker2, 'tour.claimed', { tourId: 'T2' })).toMatchObject({
      status: 'accepted',
    });
  });

  it('unassigns a claimed tour once, however often the device sends it; a started one is refused', async () => {
    await lead('wave.released', WAVE);
    await picker(OPERATORS.picker, 'tour.claimed', { tourId: 'T1' });
    const back = event(OPERATORS.lead, 'tour.unassigned', { tourId: 'T1' });
    expect(await send(back)).toMatchObject({ status: 'accepted' });
    expect(await send(back)).toMatchObject({
      status: 'duplicate',
      original: { status: 'accepted' },
    });
    expect(await logged(back.id)).toBe(1);
    expect(await tour('T1')).toMatchObject({ status: 'released', picker_id: null });
    // Offered again: the second picker claims it and starts it.
    expect(await picker(OPERATORS.picker2, 'tour.claimed', { tourId: 'T1' })).toMatchObject({
      status: 'accepted',
    });
    await picker(OPERATORS.picker2, 'tote.assigned', {
      tourId: 'T1',
      toteCode: 'TT1',
      slot: 0,
      orderId: 'SO-1',
    });
    expect(await lead('tour.unassigned', { tourId: 'T1' })).toMatchObject({
      status: 'rejected',
      code: 'tour-started',
      message:
        'Tour 1 of Wave 1 is started by Pia Picker (0 of 1 pick done): reassign it, and the new picker takes over the cart.',
    });
    expect(await tour('T1')).toMatchObject({ status: 'claimed', picker_id: OPERATORS.picker2 });
    expect(await lead('tour.unassigned', { tourId: 'T2' })).toMatchObject({
      code: 'tour-not-held',
    });
    expect(await lead('tour.unassigned', { tourId: 'T9' })).toMatchObject({
      code: 'unknown-tour',
    });
  });

  it('reassigns a started tour: the new picker picks the rest, the old one is told it is not theirs', async () => {
    await lead('wave.released', WAVE);
    await picker(OPERATORS.picker, 'tour.claimed', { tourId: 'T1' });
    await picker(OPERATORS.picker, 'tote.assigned', {
      tourId: 'T1',
      toteCode: 'TT1',
      slot: 0,
      orderId: 'SO-1',
    });
    const hand = event(OPERATORS.lead, 'tour.reassigned', {
      tourId: 'T1',
      pickerId: OPERATORS.picker2,
    });
    expect(await send(hand)).toMatchObject({ status: 'accepted' });
    expect(await send(hand)).toMatchObject({ status: 'duplicate' });
    expect(await logged(hand.id)).toBe(1);
    expect(await tour('T1')).toMatchObject({ status: 'picking', picker_id: OPERATORS.picker2 });
    const pick = { pickTaskId: 'K1', qty: 6, toteCode: 'TT1' };
    expect(await picker(OPERATORS.picker, 'pick.confirmed', pick)).toMatchObject({
      status: 'rejected',
      code: 'tour-taken',
    });
    expect(await picker(OPERATORS.picker2, 'pick.confirmed', pick)).toMatchObject({
      status: 'accepted',
    });
    expect(
      await lead('tour.reassigned', { tourId: 'T1', pickerId: OPERATORS.picker2 }),
    ).toMatchObject({ code: 'same-picker' });
    for (const pickerId of [OPERATORS.retired, OPERATORS.packer])
      expect(await lead('tour.reassigned', { tourId: 'T1', pickerId })).toMatchObject({
        code: 'unknown-picker',
      });
    expect(
      await lead('tour.reassigned', { tourId: 'T2', pickerId: OPERATORS.picker }),
    ).toMatchObject({ code: 'tour-not-held' });
    // Only a lead may.
    expect(
      await picker(OPERATORS.picker, 'tour.reassigned', {
        tourId: 'T1',
        pickerId: OPERATORS.picker,
      }),
    ).toMatchObject({ status: 'rejected', code: 'role-required' });
  });

  it('cancels a wave with its stock released, its lines open to plan again; refuses a started one', async () => {
    await lead('wave.released', WAVE);
    expect(await lead('wave.cancelled', { waveId: 'W1', releaseStock: true })).toMatchObject({
      status: 'accepted',
    });
    expect(await rowOf(t.db, 'stock', 'L1|S1')).toMatchObject({ reserved: 0 });
    expect(await rowOf(t.db, 'backorder_lines', 'SO-1/1')).toMatchObject({
      status: 'open',
      qty_allocated: 0,
    });
    expect(await tour('T1')).toMatchObject({ status: 'cancelled' });

    await lead('wave.released', {
      ...WAVE,
      waveId: 'W2',
      name: 'Wave 2',
      tours: WAVE.tours.map((x) => ({
        ...x,
        tourId: `W2-${x.tourId}`,
        tasks: x.tasks.map((k) => ({ ...k, pickTaskId: `W2-${k.pickTaskId}` })),
      })),
    });
    await picker(OPERATORS.picker, 'tour.claimed', { tourId: 'W2-T1' });
    expect(await lead('wave.cancelled', { waveId: 'W2', releaseStock: true })).toMatchObject({
      status: 'rejected',
      code: 'wave-started',
      message: 'Wave 2 cannot be cancelled: tour 1 of Wave 2 is with Pat Picker.',
    });
    expect(await rowOf(t.db, 'stock', 'L1|S1')).toMatchObject({ reserved: 10 });
  });
});
