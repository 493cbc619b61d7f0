// Two pickers claim the same tour at the same moment, through two server instances on one
// PostgreSQL, 50 times: exactly one wins each time and the other is told who has it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import { openTestDatabase, postgresAvailable, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const hasPostgres = await postgresAvailable();
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

describe.skipIf(!hasPostgres)('claiming a tour on PostgreSQL', () => {
  let t: TestDatabase;
  let a: TestServer;
  let b: TestServer;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    a = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
    b = await startTestServer(await t.connectAgain(), { registry, rateLimit: NO_LIMIT });
    await seedWorld(t.db, registry, systemClock);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await t?.dispose();
  });

  it('gives each of 50 contested tours to exactly one of two pickers', async () => {
    const lead = await worldDevice(t.db, systemClock, a.url);
    const one = await worldDevice(t.db, systemClock, a.url);
    const two = await worldDevice(t.db, systemClock, b.url);
    // A big line with its own stock: one unit of it goes into each contested tour.
    await recordServerEvent(t.db, registry, systemClock, 'oms.stock-received', {
      receipts: [{ locationId: 'L5', skuId: 'S1', qty: 50 }],
    });
    await recordServerEvent(t.db, registry, systemClock, 'oms.backorder-lines-added', {
      lines: [
        {
          id: 'SO-9/1',
          orderId: 'SO-9',
          lineNo: 1,
          skuId: 'S1',
          customerId: 'C9',
          customerTier: 2,
          orderedAt: '2026-11-20T10:00:00Z',
          promisedBy: '2026-11-30T10:00:00Z',
          shipComplete: false,
          carrier: null,
          cutoffAt: null,
          qtyOrdered: 50,
          qtyBackordered: 50,
        },
      ],
    });
    expect(
      await lead.push(OPERATORS.lead, 'allocation.committed', {
        lines: [{ backorderLineId: 'SO-9/1', reservations: [{ locationId: 'L5', qty: 50 }] }],
      }),
    ).toMatchObject({ status: 'accepted' });
    const winners: string[] = [];
    for (let i = 0; i < 50; i++) {
      const released = await lead.push(OPERATORS.lead, 'wave.released', {
        waveId: `W${i}`,
        name: `Race ${i}`,
        tours: [
          {
            tourId: `T${i}`,
            sequence: 0,
            routeLengthM: 5,
            tasks: [
              {
                pickTaskId: `K${i}`,
                backorderLineId: 'SO-9/1',
                locationId: 'L5',
                qty: 1,
                sequence: 0,
                toteSlot: 0,
              },
            ],
          },
        ],
      });
      expect(released.status).toBe('accepted');
      const [r1, r2] = await Promise.all([
        one.push(OPERATORS.picker, 'tour.claimed', { tourId: `T${i}` }),
        two.push(OPERATORS.picker2, 'tour.claimed', { tourId: `T${i}` }),
      ]);
      const results = [r1, r2];
      expect(results.filter((r) => r.status === 'accepted')).toHaveLength(1);
      const loser = results.find((r) => r.status === 'rejected');
      expect(loser).toMatchObject({
        code: 'tour-taken',
        message: expect.stringMatching(
          /^Tour 1 of Race \d+ is held by (Pat|Pia) Picker; take another tour\.$/,
        ),
      });
      const [tour] = await t.db.query<{ picker_id: string }>(
        'SELECT picker_id FROM tours WHERE id = $1',
        [`T${i}`],
      );
      winners.push(tour!.picker_id);
      expect(tour!.picker_id).toBe(r1.status === 'accepted' ? OPERATORS.picker : OPERATORS.picker2);
      // Claimed, the wave can no longer be cancelled from under its picker.
      expect(await lead.push(OPERATORS.lead, 'wave.cancelled', { waveId: `W${i}` })).toMatchObject({
        code: 'wave-started',
      });
      // One tour per picker: the lead takes it back, so both race again for the next one.
      expect(await lead.push(OPERATORS.lead, 'tour.unassigned', { tourId: `T${i}` })).toMatchObject(
        { status: 'accepted' },
      );
    }
    expect(winners).toHaveLength(50);
  });
});
