// What only the server decides, exercised by real concurrency: devices push at the same moment
// (Promise.all over HTTP to one server, each device enrolled on its own) for several rounds, and
// after each round the warehouse's invariants hold and every loser was told why, with a code.
// The device cannot predict these outcomes (it does not see the other device), so they stay
// meaningful however much rule code the device and the server share. claim-race.test.ts races
// claims through two server instances on PostgreSQL; this file covers both database kinds, more
// than two racers, the losers' later work, and stock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import { recordServerEvent } from '../../../server/events/server-events';
import type { EventResult } from '../../../shared/sync-api/push';
import { invariantViolations } from '../../fixtures/invariants';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../fixtures/timeouts';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const kinds = await availableDbKinds();
const ROUNDS = 12;
const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };

const PICKER3 = 'op-picker-3';
const LEAD2 = 'op-lead-2';
const NAMES: Record<string, string> = {
  [OPERATORS.picker]: 'Pat Picker',
  [OPERATORS.picker2]: 'Pia Picker',
  [PICKER3]: 'Pim Picker',
};

type Device = Awaited<ReturnType<typeof worldDevice>>;

describe.each(kinds)('races the server decides, on %s', (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  const registry = testRegistry();
  let lead: Device;
  let lead2: Device;
  // One device per picker: pickers[i] is signed in as PICKERS[i].
  const PICKERS = [OPERATORS.picker, OPERATORS.picker2, PICKER3];
  let pickers: Device[];

  const oms = async (type: string, payload: unknown) => {
    const outcome = await recordServerEvent(t.db, registry, systemClock, type, payload);
    if (!outcome.ok) throw new Error(`${type}: ${outcome.message}`);
  };
  const addLine = (id: string, skuId: string, qty: number) =>
    oms('oms.backorder-lines-added', {
      lines: [
        {
          id,
          orderId: id.split('/')[0],
          lineNo: 1,
          skuId,
          customerId: 'C1',
          customerTier: 1,
          orderedAt: '2026-11-20T10:00:00.000Z',
          promisedBy: '2026-11-28T10:00:00.000Z',
          shipComplete: false,
          carrier: null,
          cutoffAt: null,
          qtyOrdered: qty,
          qtyBackordered: qty,
        },
      ],
    });
  const stockAt = async (id: string) =>
    (
      await t.db.query<{ on_hand: number; reserved: number }>(
        'SELECT on_hand, reserved FROM stock WHERE id = $1',
        [id],
      )
    )[0] ?? { on_hand: 0, reserved: 0 };
  const accepted = async (result: Promise<EventResult>) =>
    expect(await result).toMatchObject({ status: 'accepted' });
  // Makes the free stock of `skuId` at `locationId` exactly `free`, by a count (which keeps
  // every reservation, as it counts at least what is reserved).
  const setFree = async (locationId: string, skuId: string, free: number) => {
    const { reserved } = await stockAt(`${locationId}|${skuId}`);
    await accepted(
      pickers[2]!.push(PICKER3, 'location.counted', { locationId, skuId, qty: reserved + free }),
    );
    expect(await stockAt(`${locationId}|${skuId}`)).toEqual({ on_hand: reserved + free, reserved });
  };
  // A one-task tour for each line, in one wave that reserves the lines' stock itself.
  const wave = (
    waveId: string,
    tours: { tourId: string; lineId: string; locationId: string; qty: number }[],
  ) => ({
    waveId,
    name: `Wave ${waveId}`,
    allocation: tours.map((x) => ({
      backorderLineId: x.lineId,
      reservations: [{ locationId: x.locationId, qty: x.qty }],
    })),
    tours: tours.map((x, i) => ({
      tourId: x.tourId,
      sequence: i,
      routeLengthM: 10,
      tasks: [
        {
          pickTaskId: `K-${x.tourId}`,
          backorderLineId: x.lineId,
          locationId: x.locationId,
          qty: x.qty,
          sequence: 0,
          toteSlot: 0,
        },
      ],
    })),
  });
  const checkInvariants = async () => expect(await invariantViolations(t.db)).toEqual([]);
  // A picker completes their tour and drops its totes: they hold no tour after it.
  const finish = async (i: number, tourId: string) => {
    await accepted(pickers[i]!.push(PICKERS[i]!, 'tour.completed', { tourId }));
    await accepted(pickers[i]!.push(PICKERS[i]!, 'totes.dropped', { tourId, packStation: 'P1' }));
  };

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });
  beforeEach(async () => {
    await t.reset();
    await seedWorld(t.db, registry, systemClock);
    await oms('oms.operators-defined', {
      operators: [
        { id: PICKER3, badge: 'PI3', name: NAMES[PICKER3], role: 'picker', active: true },
        { id: LEAD2, badge: 'LE2', name: 'Lou Lead', role: 'lead', active: true },
      ],
    });
    lead = await worldDevice(t.db, systemClock, server.url);
    lead2 = await worldDevice(t.db, systemClock, server.url);
    pickers = [];
    for (let i = 0; i < PICKERS.length; i++)
      pickers.push(await worldDevice(t.db, systemClock, server.url));
  });

  it(
    'gives a contested tour to exactly one holder, tells the others who, and refuses their work on it',
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        const tourId = `TC${round}`;
        await addLine(`CL${round}/1`, 'S1', 1);
        await setFree('L5', 'S1', 1);
        await accepted(
          lead.push(
            OPERATORS.lead,
            'wave.released',
            wave(`WC${round}`, [{ tourId, lineId: `CL${round}/1`, locationId: 'L5', qty: 1 }]),
          ),
        );
        // Even rounds: three pickers claim. Odd rounds: two claim while the lead assigns it to
        // the third.
        const assigning = round % 2 === 1;
        const results = await Promise.all(
          PICKERS.map((op, i) =>
            assigning && i === 2
              ? lead.push(OPERATORS.lead, 'tour.assigned', { tourId, pickerId: op })
              : pickers[i]!.push(op, 'tour.claimed', { tourId }),
          ),
        );
        const won = results.flatMap((r, i) => (r.status === 'accepted' ? [i] : []));
        expect(won, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(1);
        const winner = won[0]!;
        const holder = PICKERS[winner]!;
        for (const [i, r] of results.entries()) {
          if (i === winner) continue;
          expect(r, `round ${round}`).toMatchObject({ status: 'rejected', code: 'tour-taken' });
          expect(r.status === 'rejected' && r.message).toContain(NAMES[holder]);
        }
        const [tour] = await t.db.query<{ picker_id: string }>(
          'SELECT picker_id FROM tours WHERE id = $1',
          [tourId],
        );
        expect(tour!.picker_id).toBe(holder);

        // The holder fills the tote while the others try to work the tour: theirs is refused.
        const tote = { tourId, toteCode: `TOTE-C${round}`, slot: 0, orderId: `CL${round}` };
        const pick = { pickTaskId: `K-${tourId}`, qty: 1, toteCode: tote.toteCode };
        const losers = PICKERS.flatMap((op, i) => (i === winner ? [] : [i]));
        const [holderOutcomes, ...loserOutcomes] = await Promise.all([
          (async () => [
            await pickers[winner]!.push(holder, 'tote.assigned', tote),
            await pickers[winner]!.push(holder, 'pick.confirmed', pick),
          ])(),
          ...losers.map(async (i) => [
            await pickers[i]!.push(PICKERS[i]!, 'tote.assigned', {
              ...tote,
              toteCode: `TOTE-X${i}`,
            }),
            await pickers[i]!.push(PICKERS[i]!, 'pick.confirmed', pick),
          ]),
        ]);
        for (const r of holderOutcomes)
          expect(r, `round ${round}`).toMatchObject({ status: 'accepted' });
        for (const r of loserOutcomes.flat())
          expect(r, `round ${round}`).toMatchObject({ status: 'rejected', code: 'tour-taken' });
        const [picked] = await t.db.query<{ qty_picked: number }>(
          'SELECT qty_picked FROM backorder_lines WHERE id = $1',
          [`CL${round}/1`],
        );
        expect(picked!.qty_picked).toBe(1);
        await checkInvariants();
        // One tour per picker: the holder ends this one before the next round's claim.
        await finish(winner, tourId);
      }
    },
    HEAVY_PROPERTY_TIMEOUT_MS,
  );

  it(
    'never reserves more than is on hand when two leads draw on the same stock at once',
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        // 8 free of S1 at each of L1 and L5 (set by a count); each lead's line wants `qty` at both. Rounds
        // alternate between wants that both fit (4 + 4) and wants that cannot (5 + 5).
        await setFree('L1', 'S1', 8);
        await setFree('L5', 'S1', 8);
        const before = { L1: await stockAt('L1|S1'), L5: await stockAt('L5|S1') };
        const contested = round % 2 === 0;
        const qty = contested ? 5 : 4;
        const lines = [`RA${round}/1`, `RB${round}/1`];
        for (const id of lines) await addLine(id, 'S1', 2 * qty);
        // Each names the locations in its own order: the server must still take the stock rows'
        // locks in one order, or the two would wait for each other.
        const reservations = (lineIndex: number) =>
          lineIndex === 0
            ? [
                { locationId: 'L1', qty },
                { locationId: 'L5', qty },
              ]
            : [
                { locationId: 'L5', qty },
                { locationId: 'L1', qty },
              ];
        // One lead commits an allocation, the other releases a wave that allocates; they swap
        // each other round pair.
        const asWave = (lineIndex: number) => (lineIndex + Math.floor(round / 2)) % 2 === 1;
        const results = await Promise.all(
          [lead, lead2].map((device, i) => {
            const op = i === 0 ? OPERATORS.lead : LEAD2;
            const line = { backorderLineId: lines[i]!, reservations: reservations(i) };
            if (!asWave(i)) return device.push(op, 'allocation.committed', { lines: [line] });
            const tourId = `TR${round}-${i}`;
            return device.push(op, 'wave.released', {
              waveId: `WR${round}-${i}`,
              name: `Race ${round}-${i}`,
              allocation: [line],
              tours: [
                {
                  tourId,
                  sequence: 0,
                  routeLengthM: 10,
                  tasks: line.reservations.map((r, k) => ({
                    pickTaskId: `K-${tourId}-${k}`,
                    backorderLineId: line.backorderLineId,
                    locationId: r.locationId,
                    qty: r.qty,
                    sequence: k,
                    toteSlot: 0,
                  })),
                },
              ],
            });
          }),
        );
        const won = results.flatMap((r, i) => (r.status === 'accepted' ? [i] : []));
        expect(won, `round ${round}: ${JSON.stringify(results)}`).toHaveLength(contested ? 1 : 2);
        for (const [i, r] of results.entries()) {
          if (r.status === 'accepted') {
            expect(r, `round ${round}`).not.toHaveProperty('refused');
            continue;
          }
          expect(r, `round ${round}`).toMatchObject({
            status: 'rejected',
            code: asWave(i) ? 'stock-gone' : 'nothing-allocated',
          });
          expect(r.status === 'rejected' && r.message).toMatch(/Only 3 of S1 are free at L[15]/);
        }
        const after = { L1: await stockAt('L1|S1'), L5: await stockAt('L5|S1') };
        for (const loc of ['L1', 'L5'] as const) {
          expect(after[loc].on_hand).toBe(before[loc].on_hand);
          expect(after[loc].reserved).toBe(before[loc].reserved + won.length * qty);
        }
        for (const [i, id] of lines.entries()) {
          const [line] = await t.db.query<{ qty_allocated: number }>(
            'SELECT qty_allocated FROM backorder_lines WHERE id = $1',
            [id],
          );
          expect(line!.qty_allocated).toBe(won.includes(i) ? 2 * qty : 0);
        }
        await checkInvariants();
      }
    },
    HEAVY_PROPERTY_TIMEOUT_MS,
  );

  it(
    'keeps stock whole when a pick races a short pick or a count at the same location',
    async () => {
      for (let round = 0; round < ROUNDS; round++) {
        // Two tours at L5, each one task of 2 of S2, each held by its own picker with its tote.
        await oms('oms.stock-received', { receipts: [{ locationId: 'L5', skuId: 'S2', qty: 6 }] });
        const tours = [`TP${round}-0`, `TP${round}-1`];
        for (let i = 0; i < tours.length; i++) await addLine(`P${round}${i}/1`, 'S2', 2);
        await accepted(
          lead.push(
            OPERATORS.lead,
            'wave.released',
            wave(
              `WP${round}`,
              tours.map((tourId, i) => ({
                tourId,
                lineId: `P${round}${i}/1`,
                locationId: 'L5',
                qty: 2,
              })),
            ),
          ),
        );
        for (const [i, tourId] of tours.entries()) {
          await accepted(pickers[i]!.push(PICKERS[i]!, 'tour.claimed', { tourId }));
          await accepted(
            pickers[i]!.push(PICKERS[i]!, 'tote.assigned', {
              tourId,
              toteCode: `TOTE-P${round}${i}`,
              slot: 0,
              orderId: `P${round}${i}`,
            }),
          );
        }
        // Picker 1 picks (all of the task, or part of it) while picker 2 reports the bin short
        // (even rounds) or counts 1 in it (odd rounds): both end every reservation at L5. Each
        // event locks the stock, the reservations and the tasks at L5; taken in different orders
        // they deadlock, PostgreSQL aborts one and the push is answered 500.
        const qty = 1 + (round % 4 < 2 ? 1 : 0);
        const counting = round % 2 === 1;
        const raced = counting ? 'a count' : 'a short pick';
        const [pick, other] = await Promise.all([
          pickers[0]!.push(PICKERS[0]!, 'pick.confirmed', {
            pickTaskId: `K-${tours[0]}`,
            qty,
            toteCode: `TOTE-P${round}0`,
          }),
          counting
            ? pickers[1]!.push(PICKERS[1]!, 'location.counted', {
                locationId: 'L5',
                skuId: 'S2',
                qty: 1,
              })
            : pickers[1]!.push(PICKERS[1]!, 'short-pick.reported', {
                pickTaskId: `K-${tours[1]}`,
                foundQty: 0,
                reason: 'not-found',
              }),
        ]).catch((error: Error) => {
          throw new Error(`round ${round}, a pick racing ${raced}: ${error.message}`);
        });
        expect(other, `round ${round}`).toMatchObject({ status: 'accepted' });
        // First, the pick is taken; second, its task was cancelled with its reservation.
        if (pick.status !== 'accepted')
          expect(pick, `round ${round}`).toMatchObject({ status: 'rejected', code: 'task-closed' });
        const stock = await stockAt('L5|S2');
        expect(stock, `round ${round}`).toEqual({ on_hand: counting ? 1 : 0, reserved: 0 });
        const [line] = await t.db.query<{ qty_picked: number }>(
          'SELECT qty_picked FROM backorder_lines WHERE id = $1',
          [`P${round}0/1`],
        );
        expect(line!.qty_picked).toBe(pick.status === 'accepted' ? qty : 0);
        const [task] = await t.db.query<{ status: string }>(
          'SELECT status FROM pick_tasks WHERE id = $1',
          [`K-${tours[0]}`],
        );
        expect(task!.status).toBe(pick.status === 'accepted' && qty === 2 ? 'picked' : 'cancelled');
        await checkInvariants();
        for (const [i, tourId] of tours.entries()) await finish(i, tourId);
        // The bin counted again, for the next round.
        await accepted(
          pickers[2]!.push(PICKER3, 'location.counted', { locationId: 'L5', skuId: 'S2', qty: 0 }),
        );
      }
    },
    HEAVY_PROPERTY_TIMEOUT_MS,
  );
});
