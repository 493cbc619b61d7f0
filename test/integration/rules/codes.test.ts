// The rejection codes the scenario tests do not reach, each over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const kinds = await availableDbKinds();

describe.each(kinds)('more rejection codes on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  let push: Awaited<ReturnType<typeof worldDevice>>['push'];
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, { registry, rateLimit: { burst: 1e9, perSecond: 1e9 } });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    ({ push } = await worldDevice(t.db, systemClock, server.url));
  });

  const lead = (type: string, payload: unknown) => push(OPERATORS.lead, type, payload);
  const picker = (type: string, payload: unknown) => push(OPERATORS.picker, type, payload);
  const oneTourWave = (waveId: string, line: string, loc: string, qty: number) => ({
    waveId,
    name: waveId,
    allocation: [{ backorderLineId: line, reservations: [{ locationId: loc, qty }] }],
    tours: [
      {
        tourId: `${waveId}-T`,
        sequence: 0,
        routeLengthM: 1,
        tasks: [
          {
            pickTaskId: `${waveId}-K`,
            backorderLineId: line,
            locationId: loc,
            qty,
            sequence: 0,
            toteSlot: 0,
          },
        ],
      },
    ],
  });

  it('refuses allocation lines by their own reason', async () => {
    await lead('backorder-line.held', { backorderLineId: 'SO-3/1', reason: 'x' });
    const result = await lead('allocation.committed', {
      lines: [
        { backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 1 }] },
        {
          backorderLineId: 'SO-1/2',
          reservations: [
            { locationId: 'L3', qty: 1 },
            { locationId: 'L3', qty: 1 },
          ],
        },
        { backorderLineId: 'SO-3/1', reservations: [{ locationId: 'L3', qty: 1 }] },
        { backorderLineId: 'SO-2/1', reservations: [{ locationId: 'L9', qty: 1 }] },
      ],
    });
    expect(result.status === 'accepted' && result.refused?.map((r) => [r.subject, r.code])).toEqual(
      [
        ['SO-1/2', 'duplicate-location'],
        ['SO-3/1', 'line-held'],
        ['SO-2/1', 'unknown-location'],
      ],
    );
  });

  it('refuses unknown tours, tasks and waves, and a claim on a cancelled tour', async () => {
    expect(await picker('tour.claimed', { tourId: 'T9' })).toMatchObject({ code: 'unknown-tour' });
    expect(
      await picker('pick.confirmed', { pickTaskId: 'K9', qty: 1, toteCode: 'X' }),
    ).toMatchObject({ code: 'unknown-task' });
    expect(await lead('wave.cancelled', { waveId: 'W9' })).toMatchObject({ code: 'unknown-wave' });
    await lead('wave.released', oneTourWave('W1', 'SO-1/1', 'L1', 2));
    await lead('wave.cancelled', { waveId: 'W1' });
    expect(await picker('tour.claimed', { tourId: 'W1-T' })).toMatchObject({
      code: 'tour-not-open',
      message: 'Tour 1 of W1 is cancelled.',
    });
  });

  it('keeps a tote on one live tour, and needs a tote for what a short pick found', async () => {
    await lead('wave.released', oneTourWave('W1', 'SO-1/1', 'L1', 2));
    await lead('wave.released', oneTourWave('W2', 'SO-1/2', 'L3', 2));
    await picker('tour.claimed', { tourId: 'W1-T' });
    // One tour per picker refuses a second claim; a lead may still hand them another.
    await lead('tour.assigned', { tourId: 'W2-T', pickerId: OPERATORS.picker });
    expect(
      await picker('tote.assigned', { tourId: 'W1-T', toteCode: 'TT', slot: 0, orderId: 'SO-1' }),
    ).toMatchObject({ status: 'accepted' });
    expect(
      await picker('tote.assigned', { tourId: 'W2-T', toteCode: 'TT', slot: 0, orderId: 'SO-1' }),
    ).toMatchObject({
      code: 'tote-in-use',
      message: 'Tote TT is already on tour 1 of W1; take an empty tote.',
    });
    expect(
      await picker('short-pick.reported', { pickTaskId: 'W1-K', foundQty: 1, reason: 'damaged' }),
    ).toMatchObject({ code: 'tote-required' });
  });

  it('refuses a shipment naming a line twice, a line added twice, and cancelling a shipped line', async () => {
    await lead('wave.released', oneTourWave('W1', 'SO-3/1', 'L3', 5));
    await picker('tour.claimed', { tourId: 'W1-T' });
    await picker('tote.assigned', { tourId: 'W1-T', toteCode: 'TT', slot: 0, orderId: 'SO-3' });
    await picker('pick.confirmed', { pickTaskId: 'W1-K', qty: 5, toteCode: 'TT' });
    const ship = (lines: unknown[]) =>
      push(OPERATORS.packer, 'shipment.confirmed', {
        shipmentId: `S-${lines.length}`,
        orderId: 'SO-3',
        lines,
        carrier: 'UPS',
        service: 'std',
        trackingNumber: 'JD0001',
        weightKg: 1,
        parcels: 1,
      });
    expect(
      await ship([
        { backorderLineId: 'SO-3/1', qty: 2 },
        { backorderLineId: 'SO-3/1', qty: 3 },
      ]),
    ).toMatchObject({ code: 'duplicate-line' });
    expect(await ship([{ backorderLineId: 'SO-3/1', qty: 5 }])).toMatchObject({
      status: 'accepted',
    });
    expect(
      await recordServerEvent(t.db, registry, systemClock, 'oms.backorder-line-cancelled', {
        backorderLineId: 'SO-3/1',
        reason: 'late',
      }),
    ).toMatchObject({ code: 'line-shipped' });
    const again = await recordServerEvent(
      t.db,
      registry,
      systemClock,
      'oms.backorder-lines-added',
      {
        lines: [
          {
            id: 'SO-3/1',
            orderId: 'SO-3',
            lineNo: 1,
            skuId: 'S2',
            customerId: 'C1',
            customerTier: 1,
            orderedAt: '2026-11-20T10:00:00Z',
            promisedBy: '2026-11-28T10:00:00Z',
            shipComplete: false,
            carrier: null,
            cutoffAt: null,
            qtyOrdered: 1,
            qtyBackordered: 1,
          },
        ],
      },
    );
    expect(again).toEqual({
      ok: false,
      code: 'line-exists',
      message: 'Backorder line SO-3/1 already exists.',
    });
  });
});
