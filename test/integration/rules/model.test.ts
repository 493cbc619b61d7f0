// Model-based property test of the OMS rules: random sequences of every event type from several
// devices, with OMS cancellations and receipts mixed in. After each step every invariant holds,
// a rejected event changed nothing, and the server's outcome is the device's rule's outcome on
// the same state: accepted where it accepts, refused (with the same code, once refusals carry
// one) where it refuses. At the end the log replays to the same state.
// The device and the server run the same rule code, so comparing their effects row by row
// proves nothing; what can still differ is what the server feeds the rule (the rows it loads
// and its own steps). The server's own decisions under concurrency (claims, stock drawn by two
// leads, picks racing short picks) are checked in races.test.ts and claim-race.test.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import type { Db } from '../../../server/db/db';
import { replayLog } from '../../../server/events/replay';
import { recordServerEvent } from '../../../server/events/server-events';
import type { EntityName } from '../../../shared/domain/entities';
import { BackorderLineSchema, type BackorderLine } from '../../../shared/domain/backorder-line';
import { applyLocally } from '../../../shared/event-rules/apply-locally';
import { openQty, toPickQty, toShipQty } from '../../../shared/rules/line-quantities';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import { memoryTables } from '../../../shared/event-rules/tables';
import { snapshotState } from '../../fixtures/compare-state';
import { invariantViolations } from '../../fixtures/invariants';
import { serverCopy } from '../../fixtures/server-copy';
import { availableDbKinds, openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../fixtures/timeouts';
import { OPERATORS, seedWorld, worldDevice } from '../../fixtures/world';

const kinds = await availableDbKinds();
const RUNS = Number(process.env.MODEL_RUNS ?? 10);
const STEPS = 60;
const HEAVY = { timeout: HEAVY_PROPERTY_TIMEOUT_MS };

type Row = Record<string, unknown>;
type State = ReturnType<typeof memoryTables>;

const snapshot = async (db: Db): Promise<State> => {
  const copy = await serverCopy(db);
  return memoryTables(
    [...copy.entries()]
      .filter(([k]) => !k.startsWith('event|'))
      .map(([k, row]) => {
        const [entity, ...id] = k.split('|');
        return { entity: entity as EntityName, id: id.join('|'), row: row as Row };
      }),
  );
};

const checkInvariants = async (db: Db) => expect(await invariantViolations(db)).toEqual([]);

// An intent picks its target from the state at the moment it runs, so sequences stay meaningful.
const intentArb = fc.record({
  kind: fc.integer({ min: 0, max: 27 }),
  a: fc.nat(1000),
  b: fc.nat(1000),
  c: fc.integer({ min: 0, max: 7 }),
});

// Every backordered unit in exactly one bucket, none negative, and owed units nobody is working
// on where the planner takes them (open, allocated or in a wave; or held by a lead).
const unitsOutOfSight = (state: State): string[] =>
  state
    .entries()
    .filter((r) => r.entity === 'backorderLine')
    .map((r) => BackorderLineSchema.parse(r.row))
    .filter((l) => {
      const b = [l.qtyShipped, l.qtyCancelled, openQty(l), toPickQty(l), toShipQty(l)];
      const sum = b.reduce((x, y) => x + y, 0);
      const plannable = ['open', 'allocated', 'in_wave', 'held'].includes(l.status);
      return sum !== l.qtyBackordered || b.some((q) => q < 0) || (openQty(l) > 0 && !plannable);
    })
    .map((l) => `${l.id} ${l.status} ${JSON.stringify(l)}`);

const linesOf = (state: State) =>
  new Map(
    state
      .entries()
      .filter((r) => r.entity === 'backorderLine')
      .map((r) => [r.id, BackorderLineSchema.parse(r.row)]),
  );

const sorted = <T extends { id: string }>(rows: T[]) =>
  [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
const pickOf = <T>(rows: T[], n: number): T | undefined =>
  rows.length ? rows[n % rows.length] : undefined;

describe.each(kinds)('the OMS rules as a model on %s', HEAVY, (kind) => {
  let t: TestDatabase;
  let server: TestServer;
  const registry = testRegistry();

  beforeAll(async () => {
    t = await openTestDatabase(kind);
    server = await startTestServer(t.db, { registry, rateLimit: { burst: 1e9, perSecond: 1e9 } });
  });
  // Every line as a device holds it after pulling from the start (the pull's schema fills what
  // older rows lack). A change shows in a pull once every older transaction in the cluster has
  // ended (another test file's may still be open), so this pulls again until the lines are the
  // server's, for up to 30 s, and returns the last pull either way.
  const linesAsPulled = async (token: string, want: Map<string, BackorderLine>) => {
    const wanted = JSON.stringify([...want].sort());
    for (let round = 0; ; round++) {
      const lines = new Map<string, BackorderLine>();
      let checkpoint = '';
      for (;;) {
        const res = await fetch(
          `${server.url}/api/v1/pull?limit=5000${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        const page = PullPageSchema.parse(await res.json());
        for (const c of page.changes)
          if (c.entity === 'backorderLine') {
            if (c.row) lines.set(c.id, BackorderLineSchema.parse(c.row));
            else lines.delete(c.id);
          }
        checkpoint = page.checkpoint;
        if (!page.hasMore) break;
      }
      if (JSON.stringify([...lines].sort()) === wanted || round === 300) return lines;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('keeps every invariant, agrees with the device on every outcome, and replays to the same state', async () => {
    let run = 0;
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(
        fc.array(intentArb, { minLength: STEPS - 20, maxLength: STEPS }),
        async (intents) => {
          run++;
          await t.reset();
          await seedWorld(t.db, registry, systemClock);
          const devices = [
            await worldDevice(t.db, systemClock, server.url),
            await worldDevice(t.db, systemClock, server.url),
          ];
          let waves = 0;
          for (const [step, it] of intents.entries()) {
            const pre = await snapshot(t.db);
            const all = <E extends EntityName>(e: E) =>
              pre
                .entries()
                .filter((r) => r.entity === e)
                .map((r) => r.row as Row & { id: string });
            const lines = sorted(all('backorderLine'));
            const line = pickOf(lines, it.a);
            const tours = sorted(all('tour'));
            const tour = pickOf(tours, it.a);
            const tasks = sorted(all('pickTask')).filter((x) => x.status === 'open');
            const task = pickOf(tasks, it.a);
            const picker = it.c % 2 === 0 ? OPERATORS.picker : OPERATORS.picker2;
            const stock = pickOf(sorted(all('stock')), it.b);
            let device:
              | { op: string; type: string; payload: unknown }
              | { oms: string; payload: unknown }
              | null = null;
            switch (it.kind) {
              case 0:
              case 1: {
                // Mostly from a location that holds the line's SKU; now and then from one that does not.
                const holding = sorted(all('stock')).filter(
                  (s) => line && (s.skuId === line.skuId) === (it.c !== 7),
                );
                const from = pickOf(holding, it.b);
                if (line && from)
                  device = {
                    op: OPERATORS.lead,
                    type: 'allocation.committed',
                    payload: {
                      lines: [
                        {
                          backorderLineId: line.id,
                          reservations: [{ locationId: from.locationId, qty: 1 + (it.b % 4) }],
                        },
                      ],
                    },
                  };
                break;
              }
              case 2:
              case 3: {
                const free = sorted(all('reservation')).filter((r) => r.waveId === null);
                const chosen = free.filter((_, i) => (i + it.b) % 2 === 0).slice(0, 3);
                if (chosen.length) {
                  waves++;
                  const orders = [
                    ...new Set(
                      chosen.map(
                        (r) =>
                          (pre.get('backorderLine', r.backorderLineId as string) as Row).orderId,
                      ),
                    ),
                  ];
                  device = {
                    op: OPERATORS.lead,
                    type: 'wave.released',
                    payload: {
                      waveId: `W${run}-${waves}`,
                      name: `w${waves}`,
                      tours: [
                        {
                          tourId: `T${run}-${waves}`,
                          sequence: 0,
                          routeLengthM: 10,
                          tasks: chosen.map((r, i) => ({
                            pickTaskId: `K${run}-${waves}-${i}`,
                            backorderLineId: r.backorderLineId,
                            locationId: r.locationId,
                            qty: Math.min(r.qty as number, 1 + (it.c % 3)),
                            sequence: i,
                            toteSlot: orders.indexOf(
                              (pre.get('backorderLine', r.backorderLineId as string) as Row)
                                .orderId,
                            ),
                          })),
                        },
                      ],
                    },
                  };
                }
                break;
              }
              case 4: {
                // The lead's control of the floor: cancel (with or without the stock), take
                // back, hand over, or assign.
                if (!tour) break;
                const control = it.b % 6;
                // Take back and hand over mostly a tour someone holds, so some of them apply.
                const held = tours.filter(
                  (x) =>
                    x.pickerId && ['assigned', 'claimed', 'picking'].includes(x.status as string),
                );
                const target =
                  (control === 1 || control === 2) && held.length ? pickOf(held, it.c)! : tour;
                device =
                  control === 0
                    ? {
                        op: OPERATORS.lead,
                        type: 'wave.cancelled',
                        payload: {
                          waveId: tour.waveId,
                          ...(it.c % 2 ? { releaseStock: true } : {}),
                        },
                      }
                    : control === 1
                      ? {
                          op: OPERATORS.lead,
                          type: 'tour.unassigned',
                          payload: { tourId: target.id },
                        }
                      : {
                          op: OPERATORS.lead,
                          type: control === 2 ? 'tour.reassigned' : 'tour.assigned',
                          payload: { tourId: target.id, pickerId: picker },
                        };
                break;
              }
              case 5:
              case 24:
              case 25: {
                const open = tours.filter(
                  (x) => x.status === 'released' || x.status === 'assigned',
                );
                const tt = pickOf(open.length ? open : tours, it.b);
                if (tt) device = { op: picker, type: 'tour.claimed', payload: { tourId: tt.id } };
                break;
              }
              case 6:
              case 20:
              case 21: {
                // A tote for an order of a tour someone holds that has none yet, by the holder.
                const held = tours.filter(
                  (x) =>
                    x.pickerId && ['claimed', 'assigned', 'picking'].includes(x.status as string),
                );
                const tt = pickOf(held, it.a);
                const totes = tt ? all('tote').filter((x) => x.tourId === tt.id) : [];
                const k =
                  tt &&
                  pickOf(
                    sorted(all('pickTask')).filter(
                      (x) => x.tourId === tt.id && !totes.some((o) => o.orderId === x.orderId),
                    ),
                    it.b,
                  );
                if (tt && k)
                  device = {
                    op: tt.pickerId as string,
                    type: 'tote.assigned',
                    payload: {
                      tourId: tt.id,
                      toteCode: `TOTE-${tt.id}-${k.orderId as string}`,
                      slot: k.toteSlot,
                      orderId: k.orderId,
                    },
                  };
                break;
              }
              case 7:
              case 8:
              case 9:
              case 22:
              case 23: {
                // Mostly a task whose tour is held and whose order has its tote.
                const ready = tasks.filter(
                  (k) =>
                    (pre.get('tour', k.tourId as string) as Row).pickerId &&
                    pre.get(
                      'tote',
                      `${k.tourId as string}|TOTE-${k.tourId as string}-${k.orderId as string}`,
                    ),
                );
                const k = pickOf(it.c === 7 || ready.length === 0 ? tasks : ready, it.b);
                if (k) {
                  const holder = (pre.get('tour', k.tourId as string) as Row).pickerId as
                    string | null;
                  const left = (k.qty as number) - (k.pickedQty as number) - (k.shortQty as number);
                  device = {
                    op: holder ?? picker,
                    type: 'pick.confirmed',
                    payload: {
                      pickTaskId: k.id,
                      qty: it.c === 6 ? left + 1 : Math.max(1, Math.min(left, 1 + (it.c % 2))),
                      toteCode: `TOTE-${k.tourId as string}-${k.orderId as string}`,
                    },
                  };
                }
                break;
              }
              case 10:
                if (task) {
                  const holder = (pre.get('tour', task.tourId as string) as Row).pickerId as
                    string | null;
                  device = {
                    op: holder ?? picker,
                    type: 'short-pick.reported',
                    payload: { pickTaskId: task.id, foundQty: 0, reason: 'not-found' },
                  };
                }
                break;
              case 11: {
                const picks = sorted(all('pick')).filter((p) => !p.undone);
                const p = pickOf(picks, it.a);
                if (p)
                  device = {
                    op: p.pickedBy as string,
                    type: 'pick.undone',
                    payload: { pickId: p.id },
                  };
                break;
              }
              case 12:
                if (tour)
                  device = {
                    op: (tour.pickerId as string) ?? picker,
                    type: it.b % 2 ? 'tour.completed' : 'totes.dropped',
                    payload:
                      it.b % 2 ? { tourId: tour.id } : { tourId: tour.id, packStation: 'P1' },
                  };
                break;
              case 13:
                if (stock)
                  device = {
                    op: picker,
                    type: 'location.counted',
                    payload: { locationId: stock.locationId, skuId: stock.skuId, qty: it.b % 12 },
                  };
                break;
              case 14:
              case 15:
              case 26:
              case 27: {
                const shippable = lines.filter(
                  (l) => (l.qtyPicked as number) > (l.qtyShipped as number),
                );
                const l = pickOf(shippable, it.a);
                if (l)
                  device = {
                    op: OPERATORS.packer,
                    type: 'shipment.confirmed',
                    payload: {
                      shipmentId: `SH${run}-${step}`,
                      orderId: l.orderId,
                      lines: [
                        {
                          backorderLineId: l.id,
                          qty: (l.qtyPicked as number) - (l.qtyShipped as number),
                        },
                      ],
                      carrier: 'DHL',
                      service: 'std',
                      trackingNumber: 'JD0001',
                      weightKg: 1,
                      parcels: 1,
                    },
                  };
                break;
              }
              case 16:
                if (line)
                  device = {
                    op: OPERATORS.packer,
                    type: it.b % 2 ? 'shipment-item.removed' : 'stock.returned',
                    payload:
                      it.b % 2
                        ? { backorderLineId: line.id, qty: 1, reason: 'damaged' }
                        : {
                            locationId: stock?.locationId ?? 'L1',
                            skuId: stock?.skuId ?? 'S1',
                            qty: 1 + (it.c % 3),
                          },
                  };
                break;
              case 17:
                if (line)
                  device = {
                    op: OPERATORS.lead,
                    type: it.b % 2 ? 'backorder-line.held' : 'backorder-line.released',
                    payload:
                      it.b % 2
                        ? { backorderLineId: line.id, reason: 'check' }
                        : { backorderLineId: line.id },
                  };
                break;
              case 18:
                // Half the cancellations take part of a line (a customer keeps the rest).
                if (line)
                  device = {
                    oms: 'oms.backorder-line-cancelled',
                    payload: {
                      backorderLineId: line.id,
                      reason: 'customer',
                      ...(it.b % 2 ? { qty: 1 + (it.c % 3) } : {}),
                    },
                  };
                break;
              case 19:
                // Stock arrives: half from the OMS, half received by a lead at the dock.
                if (stock)
                  device =
                    it.c % 2
                      ? {
                          op: OPERATORS.lead,
                          type: 'stock.received',
                          payload: {
                            receiptId: `RC-${it.a}-${it.b}`,
                            lines: [
                              {
                                skuId: stock.skuId,
                                locationId: stock.locationId,
                                qty: 1 + (it.b % 5),
                              },
                            ],
                          },
                        }
                      : {
                          oms: 'oms.stock-received',
                          payload: {
                            receipts: [
                              {
                                locationId: stock.locationId,
                                skuId: stock.skuId,
                                qty: 1 + (it.b % 5),
                              },
                            ],
                          },
                        };
                break;
            }
            if (!device) continue;

            if ('oms' in device) {
              const outcome = await recordServerEvent(
                t.db,
                registry,
                systemClock,
                device.oms,
                device.payload,
              );
              const part = (device.payload as { qty?: number }).qty ? ' (part)' : '';
              count(`${device.oms}${part} ${outcome.ok ? 'accepted' : 'rejected'}`);
            } else {
              const id = crypto.randomUUID();
              const local = applyLocally(pre, {
                id,
                type: device.type,
                operatorId: device.op,
                at: new Date().toISOString(),
                payload: device.payload,
              });
              const result = await devices[it.c % 2]!.push(
                device.op,
                device.type,
                device.payload,
                id,
              );
              const post = await snapshot(t.db);
              count(`${device.type} ${result.status}`);
              if (result.status === 'accepted') {
                expect(
                  local.ok,
                  `${device.type} accepted by the server but refused by the device's rule: ${!local.ok && local.reason}`,
                ).toBe(true);
              } else {
                expect(
                  post.entries(),
                  `${device.type} was ${result.status} yet changed state`,
                ).toEqual(pre.entries());
                expect(
                  local.ok,
                  `${device.type} ${result.status} by the server (${result.status === 'rejected' && result.message}) but accepted by the device's rule`,
                ).toBe(false);
                // The device's refusal gains a code with the shared rules; from then on it must
                // be the server's code.
                const localCode = (local as { code?: string }).code;
                if (result.status === 'rejected' && localCode !== undefined)
                  expect(localCode, device.type).toBe(result.code);
              }
            }
            await checkInvariants(t.db);
            expect(unitsOutOfSight(await snapshot(t.db))).toEqual([]);
          }
          // The device's view, built from what a pull sends, is the server's, bucket by bucket.
          const serverLines = linesOf(await snapshot(t.db));
          expect(await linesAsPulled(devices[0]!.token, serverLines)).toEqual(serverLines);
          const replica = await t.openSchema(`model${run}`);
          await replayLog(t.db, replica, registry);
          expect(await snapshotState(replica)).toEqual(await snapshotState(t.db));
        },
      ),
      { numRuns: RUNS, seed: 4780, endOnFailure: true },
    );
    // The sequences reached deep into the lifecycle, not just the first refusals.
    console.log(
      `model outcomes on ${kind}: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`,
    );
    for (const type of [
      'allocation.committed',
      'wave.released',
      'tour.claimed',
      'tote.assigned',
      'pick.confirmed',
      'short-pick.reported',
      'shipment.confirmed',
      'stock.received',
    ]) {
      expect(outcomes.get(`${type} accepted`) ?? 0, type).toBeGreaterThan(0);
    }
  });
});
