// The Vendure connector against a real Vendure 3, started once in this process (sql.js), and the
// real Fillwave server over HTTP: orders come in as backorder lines, shipments go back once.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../server/clock';
import type { Db } from '../../../server/db/db';
import { databaseId, migrate } from '../../../server/db/migrate';
import { openPostgres } from '../../../server/db/postgres';
import { replayLog } from '../../../server/events/replay';
import { recordServerEvent } from '../../../server/events/server-events';
import type { Fetch } from '../../../server/oms/vendure/client';
import { VendureConnector } from '../../../server/oms/vendure/connector';
import { OmsRunner } from '../../../server/oms/runner';
import type { StockOwner } from '../../../server/oms/connector';
import { PullPageSchema } from '../../../shared/sync-api/pull';
import type { EventResult } from '../../../shared/sync-api/push';
import { snapshotState } from '../../fixtures/compare-state';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { newDataDir } from '../../fixtures/data-dir';
import { spawnUntilListening, type Running } from '../../fixtures/spawn-server';
import { testRegistry } from '../../fixtures/test-events';
import { startTestServer, type TestServer } from '../../fixtures/test-server';
import { OPERATORS, worldDevice } from '../../fixtures/world';
import {
  ADMIN_CREDENTIALS,
  startDoor,
  startTestVendure,
  type TestVendure,
} from '../../fixtures/vendure/vendure-shop';

const NO_LIMIT = { burst: 1e9, perSecond: 1e9 };
// The embedded store, a cluster of this file's own: the feed shows an event only once every older
// transaction on the cluster has ended, and a PostgreSQL shared with other test runs can hold a
// transaction open for as long as it likes.
const kind = 'embedded';

interface VOrder {
  id: string;
  code: string;
  state: string;
  lines: { id: string; quantity: number; productVariant: { sku: string } }[];
  fulfillments: { id: string; state: string; method: string; trackingCode: string | null }[];
}

describe('the Vendure connector', () => {
  let vendure: TestVendure;
  let door: Awaited<ReturnType<typeof startDoor>>;
  let t: TestDatabase;
  let server: TestServer;
  let device: Awaited<ReturnType<typeof worldDevice>>;
  let dbId: string;
  const registry = testRegistry();
  const runners: OmsRunner[] = [];

  const newRunner = (fetchFn?: Fetch, stockOwner: StockOwner = 'fillwave') => {
    const runner = new OmsRunner({
      db: t.db,
      registry,
      clock: systemClock,
      databaseId: dbId,
      stockOwner,
      connector: new VendureConnector({
        url: `${door.url}/admin-api`,
        auth: ADMIN_CREDENTIALS,
        ...(fetchFn ? { fetch: fetchFn } : {}),
      }),
    });
    runners.push(runner);
    return runner;
  };
  const oms = async (type: string, payload: unknown, db: Db = t.db) => {
    const outcome = await recordServerEvent(db, registry, systemClock, type, payload);
    if (!outcome.ok) throw new Error(`${type}: ${outcome.message}`);
  };
  const order = async (code: string): Promise<VOrder> => {
    const { orders } = await vendure.admin<{ orders: { items: VOrder[] } }>(
      `query($code: String!) { orders(options: { filter: { code: { eq: $code } } }) { items {
         id code state lines { id quantity productVariant { sku } }
         fulfillments { id state method trackingCode } } } }`,
      { code },
    );
    return orders.items[0]!;
  };
  const lineOf = async (o: VOrder, sku: string) =>
    `${o.code}/${o.lines.find((l) => l.productVariant.sku === sku)!.id}`;
  const fillwaveLine = async (id: string) =>
    (
      await t.db.query<{
        order_id: string;
        sku_id: string;
        qty_ordered: number;
        qty_backordered: number;
        qty_cancelled: number;
        status: string;
      }>('SELECT * FROM backorder_lines WHERE id = $1', [id])
    )[0];

  // A device event the server must accept; its refusal, in its words, fails the test.
  const accepted = async (result: Promise<EventResult>) => {
    const r = await result;
    expect(r.status, 'message' in r ? r.message : '').toBe('accepted');
  };

  // Picks and ships these lines whole in Fillwave: a one-tour wave, one tote, the packer's
  // shipment with DHL tracking.
  let waves = 0;
  const shipInFillwave = async (
    orderId: string,
    lines: { id: string; qty: number; loc: string }[],
    upTo: 'picked' | 'shipped' = 'shipped',
    via: typeof device = device,
  ) => {
    waves += 1;
    const waveId = `W${waves}`;
    const released = await via.push(OPERATORS.lead, 'wave.released', {
      waveId,
      name: waveId,
      allocation: lines.map((l) => ({
        backorderLineId: l.id,
        reservations: [{ locationId: l.loc, qty: l.qty }],
      })),
      tours: [
        {
          tourId: `${waveId}-T`,
          sequence: 0,
          routeLengthM: 10,
          tasks: lines.map((l, i) => ({
            pickTaskId: `${waveId}-K${i}`,
            backorderLineId: l.id,
            locationId: l.loc,
            qty: l.qty,
            sequence: i,
            toteSlot: 0,
          })),
        },
      ],
    });
    expect(released.status, 'message' in released ? released.message : '').toBe('accepted');
    const tourId = `${waveId}-T`;
    await accepted(via.push(OPERATORS.picker, 'tour.claimed', { tourId }));
    await accepted(
      via.push(OPERATORS.picker, 'tote.assigned', {
        tourId,
        toteCode: `${waveId}-TOTE`,
        slot: 0,
        orderId,
      }),
    );
    for (const [i, l] of lines.entries()) {
      await accepted(
        via.push(OPERATORS.picker, 'pick.confirmed', {
          pickTaskId: `${waveId}-K${i}`,
          qty: l.qty,
          toteCode: `${waveId}-TOTE`,
        }),
      );
    }
    await accepted(via.push(OPERATORS.picker, 'tour.completed', { tourId }));
    await accepted(via.push(OPERATORS.picker, 'totes.dropped', { tourId, packStation: 'P1' }));
    if (upTo === 'picked') return { shipmentId: null, trackingNumber: null };
    const shipmentId = `SH-${waveId}`;
    await accepted(
      via.push(OPERATORS.packer, 'shipment.confirmed', {
        shipmentId,
        orderId,
        lines: lines.map((l) => ({ backorderLineId: l.id, qty: l.qty })),
        carrier: 'DHL',
        service: 'express',
        trackingNumber: `JD000${waves}`,
        weightKg: 1.5,
        parcels: 1,
      }),
    );
    return { shipmentId, trackingNumber: `JD000${waves}` };
  };

  // Everything a device pulls, page by page, as a lead's station would.
  const pullAll = async (token: string) => {
    const rows: { entity: string; id: string; row: Record<string, unknown> | null }[] = [];
    let checkpoint: string | undefined;
    for (let i = 0; i < 100; i++) {
      const res = await fetch(
        `${server.url}/api/v1/pull?limit=5000${checkpoint ? `&checkpoint=${checkpoint}` : ''}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(res.status).toBe(200);
      const page = PullPageSchema.parse(await res.json());
      rows.push(...(page.changes as typeof rows));
      checkpoint = page.checkpoint;
      if (!page.hasMore) break;
    }
    return rows;
  };

  // Polls until it holds; bounded, so what never happens fails here rather than hang.
  const until = async (what: string, holds: () => Promise<boolean>, ms = 90_000) => {
    const end = Date.now() + ms;
    while (!(await holds())) {
      if (Date.now() > end) throw new Error(`${what}: not within ${ms / 1000} s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  // The floor every Fillwave here works on: two locations, a lead, a picker, a packer.
  const defineFloor = async (db: Db) => {
    await oms(
      'oms.layout-defined',
      {
        layout: {
          id: 'main',
          name: 'Test',
          aisleCount: 1,
          aisleLengthM: 20,
          aisleSpacingM: 3,
          crossAislesM: [0, 20],
          depotAisle: 1,
          depotCrossAisleM: 0,
        },
        locations: ['L1', 'L2'].map((id, i) => ({
          id,
          code: id,
          zone: 'A',
          aisle: 1,
          positionM: 2 + i * 3,
          level: 0,
          side: 'left',
        })),
      },
      db,
    );
    await oms(
      'oms.operators-defined',
      {
        operators: [
          { id: OPERATORS.lead, badge: 'LE1', name: 'Lee Lead', role: 'lead', active: true },
          { id: OPERATORS.picker, badge: 'PI1', name: 'Pat Picker', role: 'picker', active: true },
          { id: OPERATORS.packer, badge: 'PA1', name: 'Pax Packer', role: 'packer', active: true },
        ],
      },
      db,
    );
  };

  beforeAll(async () => {
    vendure = await startTestVendure();
    door = await startDoor(vendure.adminUrl.replace(/\/admin-api$/, ''));
    t = await openTestDatabase(kind);
    dbId = await databaseId(t.db);
    server = await startTestServer(t.db, { registry, rateLimit: NO_LIMIT });
    device = await worldDevice(t.db, systemClock, server.url);
    await defineFloor(t.db);
  }, 180_000);
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await server?.close();
    await t?.dispose();
    await door?.close();
    await vendure?.close();
  });

  // The instance that holds the lock now.
  let live: OmsRunner;
  let orderA: VOrder;
  let orderC: VOrder;

  it('imports paid orders that owe units as backorder lines, owed counted from fulfillments', async () => {
    const a = await vendure.placeOrder([
      { sku: 'WID-BLUE', qty: 3 },
      { sku: 'GAD-RED', qty: 2 },
    ]);
    const c = await vendure.placeOrder([{ sku: 'WID-BLUE', qty: 4 }]);
    orderA = await order(a);
    orderC = await order(c);
    // One unit of C leaves from the shop itself: Vendure then owes 3 of its 4.
    await vendure.setStock('WID-BLUE', 1);
    const { addFulfillmentToOrder } = await vendure.admin<{
      addFulfillmentToOrder: { id: string };
    }>(
      `mutation($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) { ... on Fulfillment { id } } }`,
      {
        input: {
          lines: [{ orderLineId: orderC.lines[0]!.id, quantity: 1 }],
          handler: {
            code: 'manual-fulfillment',
            arguments: [
              { name: 'method', value: 'counter' },
              { name: 'trackingCode', value: '' },
            ],
          },
        },
      },
    );
    await vendure.admin(
      `mutation($id: ID!) { transitionFulfillmentToState(id: $id, state: "Shipped") { __typename } }`,
      { id: addFulfillmentToOrder.id },
    );
    expect((await order(c)).state).toBe('PartiallyShipped');

    const runner = newRunner();
    live = runner;
    expect(await runner.round()).toMatchObject({ ran: true, imported: 3, cancelled: 0 });
    expect(await fillwaveLine(await lineOf(orderA, 'WID-BLUE'))).toMatchObject({
      order_id: a,
      sku_id: 'WID-BLUE',
      qty_ordered: 3,
      qty_backordered: 3,
      status: 'open',
    });
    expect(await fillwaveLine(await lineOf(orderA, 'GAD-RED'))).toMatchObject({
      qty_backordered: 2,
    });
    expect(await fillwaveLine(await lineOf(orderC, 'WID-BLUE'))).toMatchObject({
      qty_ordered: 4,
      qty_backordered: 3,
    });
    const [sku] = await t.db.query<{ barcodes: unknown }>(
      "SELECT barcodes FROM skus WHERE id = 'WID-BLUE'",
    );
    expect(sku!.barcodes).toEqual([{ code: 'WID-BLUE', kind: 'each', units: 1 }]);
    // A second round brings nothing twice.
    expect(await runner.round()).toMatchObject({ ran: true, imported: 0, exported: 0 });
    // A second instance on the same database does not run while the first holds the lock.
    expect(await newRunner().round()).toEqual({ ran: false, why: 'not-lock-holder' });
  });

  it('a shipment made in Fillwave appears in Vendure with its tracking, and the order moves on', async () => {
    await oms('oms.stock-received', {
      receipts: [
        { locationId: 'L1', skuId: 'WID-BLUE', qty: 50 },
        { locationId: 'L2', skuId: 'GAD-RED', qty: 50 },
      ],
    });
    // Vendure has none (it refuses a fulfillment beyond its own stock on hand): Fillwave owns
    // the stock here, so its figures go to Vendure before the shipment.
    expect(await vendure.stockOnHand('WID-BLUE')).toBe(0);
    const { shipmentId } = await shipInFillwave(orderA.code, [
      { id: await lineOf(orderA, 'WID-BLUE'), qty: 3, loc: 'L1' },
      { id: await lineOf(orderA, 'GAD-RED'), qty: 2, loc: 'L2' },
    ]);
    expect(await live.round()).toMatchObject({ ran: true, exported: 1, refused: 0 });
    const after = await order(orderA.code);
    expect(after.fulfillments).toHaveLength(1);
    expect(after.fulfillments[0]).toMatchObject({
      state: 'Shipped',
      trackingCode: 'JD0001',
      method: `DHL express [fillwave ${shipmentId}]`,
    });
    expect(after.state).toBe('Shipped');
    // What Vendure holds now is what Fillwave's bins hold.
    expect(await vendure.stockOnHand('WID-BLUE')).toBe(47);
    expect(await vendure.stockOnHand('GAD-RED')).toBe(48);
  });

  it('the server killed (SIGKILL) between posting a fulfillment and recording it: exactly one fulfillment after a restart', async () => {
    // A Fillwave server of its own, as `npm run server -- --oms vendure` runs it, on a database of
    // its own (the public schema of this file's cluster), and a SKU no other case here ships.
    const pub = await openPostgres(t.url, 'public', 2);
    const data = newDataDir();
    const children: Running[] = [];
    const start = async () => {
      const child = await spawnUntilListening(
        'node',
        ['dist/server/main.mjs', '--port', '0', '--data', data, '--oms', 'vendure'],
        {
          env: {
            DATABASE_URL: t.url,
            FILLWAVE_OMS_URL: `${door.url}/admin-api`,
            FILLWAVE_OMS_USER: ADMIN_CREDENTIALS.username,
            FILLWAVE_OMS_PASSWORD: ADMIN_CREDENTIALS.password,
          },
        },
      );
      children.push(child);
      return child;
    };
    try {
      await migrate(pub);
      await defineFloor(pub);
      const k = await order(await vendure.placeOrder([{ sku: 'KIT-GRN', qty: 4 }]));
      const line = await lineOf(k, 'KIT-GRN');
      const first = await start();
      const floor = await worldDevice(pub, systemClock, first.url);
      // The server's first round imports the order.
      await until(
        'the order imported',
        async () =>
          (await pub.query('SELECT 1 FROM backorder_lines WHERE id = $1', [line])).length === 1,
      );
      await oms(
        'oms.stock-received',
        { receipts: [{ locationId: 'L1', skuId: 'KIT-GRN', qty: 5 }] },
        pub,
      );
      // Vendure has made the fulfillment and answers; the server dies before it hears so.
      let killed!: () => void;
      const died = new Promise<void>((resolve) => (killed = resolve));
      door.beforeAnswer = async (request, answer) => {
        if (!request.includes('addFulfillmentToOrder') || !request.includes('[fillwave SH-'))
          return;
        if (!answer.includes('"Fulfillment"')) return;
        door.beforeAnswer = undefined;
        const exited = new Promise((resolve) => first.child.once('exit', resolve));
        first.child.kill('SIGKILL');
        await exited;
        killed();
      };
      const { shipmentId } = await shipInFillwave(
        k.code,
        [{ id: line, qty: 2, loc: 'L1' }],
        'shipped',
        floor,
      );
      await died;
      const posted = await order(k.code);
      expect(posted.fulfillments).toMatchObject([
        { state: 'Pending', method: `DHL express [fillwave ${shipmentId}]` },
      ]);

      // Started again on the same database: its connector goes on from its checkpoint.
      const second = await start();
      let health: { oms?: { lag: number | null; lastExportAt: string | null } } = {};
      await until('the checkpoint past the shipment', async () => {
        health = (await (await fetch(`${second.url}/api/v1/health`)).json()) as typeof health;
        return health.oms?.lag === 0;
      });
      // Two of the four go now: Vendure would take a second fulfillment of them, so only the
      // look before posting keeps it to one.
      const after = await order(k.code);
      expect(after.fulfillments, second.output()).toHaveLength(1);
      expect(after.state).toBe('PartiallyShipped');
      expect(after.fulfillments[0]).toMatchObject({
        state: 'Shipped',
        trackingCode: expect.any(String),
      });
      // Its two units left Vendure's stock once: Vendure holds what the server's bins hold.
      expect(await vendure.stockOnHand('KIT-GRN')).toBe(3);
    } finally {
      door.beforeAnswer = undefined;
      for (const child of children) await child.stop();
      await pub.close();
      rmSync(data, { recursive: true, force: true });
    }
  }, 180_000);

  it('an answer to the fulfillment lost on the way back (the connector lives on): exactly one fulfillment', async () => {
    const line = await lineOf(orderC, 'WID-BLUE');
    await shipInFillwave(orderC.code, [{ id: line, qty: 3, loc: 'L1' }]);
    await live.stop();
    // This instance's answer to the fulfillment is lost on the way back: Vendure made it, the
    // connector never learnt so, stops its round and keeps its checkpoint before the shipment
    // (a failed request, not a dead process: the killed server is the case above).
    const lossy: Fetch = async (input, init) => {
      const answer = await fetch(input, init);
      if (String(init?.body).includes('addFulfillmentToOrder')) throw new Error('connection lost');
      return answer;
    };
    const crashing = newRunner(lossy);
    expect(await crashing.round()).toMatchObject({
      ran: true,
      unreachable: expect.stringContaining('connection lost'),
    });
    expect((await order(orderC.code)).fulfillments).toHaveLength(2);
    await crashing.stop();

    const restarted = newRunner();
    live = restarted;
    expect(await restarted.round()).toMatchObject({ ran: true, exported: 1 });
    const after = await order(orderC.code);
    expect(after.fulfillments.filter((f) => f.method.includes('[fillwave'))).toHaveLength(1);
    expect(after.fulfillments.map((f) => f.state)).toEqual(['Shipped', 'Shipped']);
    expect(after.state).toBe('Shipped');
    // Its units left Vendure's stock once: Vendure holds what Fillwave's bins hold.
    expect(await vendure.stockOnHand('WID-BLUE')).toBe(44);
  });

  it('Vendure unreachable for a while: the connector catches up when it returns, in order', async () => {
    const runner = live;
    const d = await order(await vendure.placeOrder([{ sku: 'WID-BLUE', qty: 1 }]));
    const e = await order(await vendure.placeOrder([{ sku: 'GAD-RED', qty: 1 }]));
    expect(await runner.round()).toMatchObject({ imported: 2 });
    door.shut = true;
    await shipInFillwave(d.code, [{ id: await lineOf(d, 'WID-BLUE'), qty: 1, loc: 'L1' }]);
    await shipInFillwave(e.code, [{ id: await lineOf(e, 'GAD-RED'), qty: 1, loc: 'L2' }]);
    expect(await runner.round()).toMatchObject({ unreachable: expect.stringContaining('503') });
    expect(await runner.state()).toMatchObject({ connected: false, lag: expect.any(Number) });
    expect((await runner.state())!.lag).toBeGreaterThanOrEqual(2);
    door.shut = false;
    expect(await runner.round()).toMatchObject({ ran: true, exported: 2 });
    const [dAfter, eAfter] = [await order(d.code), await order(e.code)];
    expect([dAfter.state, eAfter.state]).toEqual(['Shipped', 'Shipped']);
    // Posted in the order they shipped: D's fulfillment is the older.
    const id = (o: VOrder) => Number(o.fulfillments[0]!.id.replace(/\D/g, ''));
    expect(id(dAfter)).toBeLessThan(id(eAfter));
    expect(await runner.state()).toMatchObject({ connected: true, lastError: null, lag: 0 });
  });

  it('a cancellation in Vendure reaches a device at its next pull', async () => {
    const runner = live;
    const f = await order(await vendure.placeOrder([{ sku: 'WID-BLUE', qty: 2 }]));
    await runner.round();
    const line = await lineOf(f, 'WID-BLUE');
    const before = (await pullAll(device.token)).filter((c) => c.id === line).at(-1);
    expect(before?.row).toMatchObject({ status: 'open', qtyBackordered: 2 });
    const { cancelOrder } = await vendure.admin<{ cancelOrder: { __typename: string } }>(
      `mutation($id: ID!) { cancelOrder(input: { orderId: $id, reason: "customer changed their mind" }) {
         __typename ... on ErrorResult { message } } }`,
      { id: f.id },
    );
    expect(cancelOrder.__typename).toBe('Order');
    expect(await runner.round()).toMatchObject({ ran: true, cancelled: 1 });
    const after = (await pullAll(device.token)).filter((c) => c.id === line).at(-1);
    expect(after?.row).toMatchObject({ status: 'cancelled', qtyCancelled: 2 });
  });

  it("a Vendure refusal (more than on hand) shows on a lead's sync problems in Vendure's words", async () => {
    // Here Vendure owns the stock: its figure stands, and it has fewer than Fillwave ships.
    await live.stop();
    const runner = newRunner(undefined, 'oms');
    live = runner;
    const g = await order(await vendure.placeOrder([{ sku: 'GAD-RED', qty: 5 }]));
    await runner.round();
    await vendure.setStock('GAD-RED', 2);
    const { shipmentId } = await shipInFillwave(g.code, [
      { id: await lineOf(g, 'GAD-RED'), qty: 5, loc: 'L2' },
    ]);
    expect(await runner.round()).toMatchObject({ ran: true, exported: 0, refused: 1 });
    expect((await order(g.code)).fulfillments).toHaveLength(0);
    // The next round goes on past it.
    expect(await runner.round()).toMatchObject({ ran: true, exported: 0, refused: 0 });
    const refusals = (await pullAll(device.token)).filter(
      (c) => c.entity === 'event' && c.row?.type === 'oms.export-refused',
    );
    expect(refusals).toHaveLength(1);
    const payload = refusals[0]!.row!.payload as { message: string; orderId: string; code: string };
    expect(payload).toMatchObject({ orderId: g.code, code: 'INSUFFICIENT_STOCK_ON_HAND_ERROR' });
    expect(payload.message).toContain(`Vendure refused shipment ${shipmentId} of order ${g.code}`);
    // Vendure's own sentence, as it gave it.
    expect(payload.message).toMatch(/stock/i);

    // The shop then cancels the order: those units left Fillwave's dock, so the cancellation is
    // refused here, and Vendure is told so on the order, once.
    await vendure.admin(
      `mutation($id: ID!) { cancelOrder(input: { orderId: $id }) { __typename } }`,
      {
        id: g.id,
      },
    );
    await runner.round();
    expect(await fillwaveLine(await lineOf(g, 'GAD-RED'))).toMatchObject({
      status: 'shipped',
      qty_cancelled: 0,
    });
    await runner.round();
    const { order: noted } = await vendure.admin<{
      order: { history: { items: { type: string; data: { note?: string } }[] } };
    }>(`query($id: ID!) { order(id: $id) { history { items { type data } } } }`, { id: g.id });
    const notes = noted.history.items.filter((h) =>
      h.data.note?.startsWith('Fillwave could not cancel'),
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.data.note).toMatch(/has shipped|shipped/);
  });

  // What Fillwave holds of a SKU as the OMS counts it, once every shipment is told: bins, units at
  // packing, and picked units of cancelled lines waiting to go back.
  const holding = async (sku: string) => {
    const [row] = await t.db.query<{ n: number }>(
      `SELECT (coalesce((SELECT sum(on_hand) FROM stock WHERE sku_id = $1), 0)
             + coalesce((SELECT sum(qty_picked - qty_shipped) FROM backorder_lines WHERE sku_id = $1), 0)
             + coalesce((SELECT sum(qty) FROM return_instructions WHERE sku_id = $1 AND status = 'open'), 0))::int AS n`,
      [sku],
    );
    return row!.n;
  };
  const stockRows = () => t.db.query('SELECT id, on_hand, reserved FROM stock ORDER BY id');

  it('with Vendure keeping the stock, devices learn it and a receipt or a count is refused in words, changing nothing', async () => {
    const runner = live;
    await runner.round();
    const settings = (await pullAll(device.token))
      .filter((c) => c.entity === 'floorSettings')
      .at(-1);
    expect(settings?.row).toMatchObject({ stockOwner: 'oms', omsName: 'Vendure' });
    const before = await stockRows();
    expect(
      await device.push(OPERATORS.lead, 'stock.received', {
        receiptId: 'R-OMS-1',
        lines: [{ skuId: 'WID-BLUE', locationId: 'L1', qty: 5 }],
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'stock-kept-by-oms',
      message:
        "Stock is kept by the shop's system (Vendure) at this site: receive it there; Fillwave follows its figures.",
    });
    expect(
      await device.push(OPERATORS.picker, 'location.counted', {
        locationId: 'L1',
        skuId: 'WID-BLUE',
        qty: 99,
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'stock-kept-by-oms',
      message: expect.stringContaining('(Vendure) at this site: count it there'),
    });
    expect(await stockRows()).toEqual(before);
  });

  it("with Vendure keeping the stock, a change to it there reaches Fillwave's bins and a device's pull", async () => {
    const runner = live;
    await runner.round();
    expect(await holding('WID-BLUE')).toBe(await vendure.stockOnHand('WID-BLUE'));
    const [l1] = await t.db.query<{ on_hand: number }>(
      "SELECT on_hand FROM stock WHERE id = 'L1|WID-BLUE'",
    );
    // Seven more arrive at the shop: they land on WID-BLUE's home bin.
    await vendure.setStock('WID-BLUE', (await vendure.stockOnHand('WID-BLUE')) + 7);
    expect(await runner.round()).toMatchObject({ ran: true, followed: 1 });
    const pulled = (await pullAll(device.token)).filter((c) => c.id === 'L1|WID-BLUE').at(-1);
    expect(pulled?.row).toMatchObject({ onHand: l1!.on_hand + 7 });
    expect(await holding('WID-BLUE')).toBe(await vendure.stockOnHand('WID-BLUE'));
    // The shop counts two fewer: they leave the bins. A second round changes nothing.
    await vendure.setStock('WID-BLUE', (await vendure.stockOnHand('WID-BLUE')) - 2);
    expect(await runner.round()).toMatchObject({ ran: true, followed: 1 });
    expect(await runner.round()).toMatchObject({ ran: true, followed: 0 });
    expect(await holding('WID-BLUE')).toBe(await vendure.stockOnHand('WID-BLUE'));
    const [after] = await t.db.query<{ on_hand: number }>(
      "SELECT on_hand FROM stock WHERE id = 'L1|WID-BLUE'",
    );
    expect(after!.on_hand).toBe(l1!.on_hand + 5);
  });

  it("with Vendure keeping the stock, a short pick's bin waits for a count in Vendure, and Vendure's figure answers it", async () => {
    const runner = live;
    const s = await order(await vendure.placeOrder([{ sku: 'WID-BLUE', qty: 2 }]));
    await runner.round();
    const lineId = await lineOf(s, 'WID-BLUE');
    waves += 1;
    const waveId = `W${waves}`;
    await accepted(
      device.push(OPERATORS.lead, 'wave.released', {
        waveId,
        name: waveId,
        allocation: [{ backorderLineId: lineId, reservations: [{ locationId: 'L1', qty: 2 }] }],
        tours: [
          {
            tourId: `${waveId}-T`,
            sequence: 0,
            routeLengthM: 10,
            tasks: [
              {
                pickTaskId: `${waveId}-K0`,
                backorderLineId: lineId,
                locationId: 'L1',
                qty: 2,
                sequence: 0,
                toteSlot: 0,
              },
            ],
          },
        ],
      }),
    );
    await accepted(device.push(OPERATORS.picker, 'tour.claimed', { tourId: `${waveId}-T` }));
    // The picker finds none at L1: its stock goes to 0 and it waits for a count.
    await accepted(
      device.push(OPERATORS.picker, 'short-pick.reported', {
        pickTaskId: `${waveId}-K0`,
        foundQty: 0,
        reason: 'not-found',
      }),
    );
    await accepted(device.push(OPERATORS.picker, 'tour.completed', { tourId: `${waveId}-T` }));
    await accepted(
      device.push(OPERATORS.picker, 'totes.dropped', { tourId: `${waveId}-T`, packStation: 'P1' }),
    );
    const inVendure = await vendure.stockOnHand('WID-BLUE');
    const l1 = async () =>
      (
        await t.db.query<{ on_hand: number; count_required: boolean }>(
          `SELECT s.on_hand, l.count_required FROM stock s JOIN locations l ON l.id = s.location_id
            WHERE s.id = 'L1|WID-BLUE'`,
        )
      )[0]!;
    // Vendure still counts the units not found: they land nowhere while the count waits.
    expect(await runner.round()).toMatchObject({ ran: true, followed: 0 });
    expect(await l1()).toEqual({ on_hand: 0, count_required: true });
    // Counted in Vendure and found short: its figure comes down to what Fillwave holds.
    await vendure.setStock('WID-BLUE', await holding('WID-BLUE'));
    expect(inVendure).toBeGreaterThan(await holding('WID-BLUE'));
    expect(await runner.round()).toMatchObject({ ran: true, followed: 1 });
    expect(await l1()).toEqual({ on_hand: 0, count_required: false });
    expect(await runner.round()).toMatchObject({ ran: true, followed: 0 });
    // Ten more arrive at the shop: L1, counted, takes them again.
    await vendure.setStock('WID-BLUE', (await vendure.stockOnHand('WID-BLUE')) + 10);
    expect(await runner.round()).toMatchObject({ ran: true, followed: 1 });
    expect(await l1()).toEqual({ on_hand: 10, count_required: false });
  });

  it("with Fillwave keeping the stock, picked units of a cancelled order returned to a bin: Vendure's stock on hand is Fillwave's", async () => {
    await live.stop();
    const runner = newRunner(undefined, 'fillwave');
    live = runner;
    const h = await order(await vendure.placeOrder([{ sku: 'WID-BLUE', qty: 2 }]));
    await runner.round();
    // Devices hear Fillwave keeps the stock again: a count is theirs to make.
    const settings = (await pullAll(device.token))
      .filter((c) => c.entity === 'floorSettings')
      .at(-1);
    expect(settings?.row).toMatchObject({ stockOwner: 'fillwave', omsName: null });
    const line = await lineOf(h, 'WID-BLUE');
    await shipInFillwave(h.code, [{ id: line, qty: 2, loc: 'L1' }], 'picked');
    await runner.round();
    const inVendure = await vendure.stockOnHand('WID-BLUE');
    expect(inVendure).toBe(await holding('WID-BLUE'));
    // The customer cancels: the two picked units are to go back to L1. Still in the building,
    // and Vendure never took them: a figure sent now (a receipt of one more) counts them.
    await vendure.admin(
      `mutation($id: ID!) { cancelOrder(input: { orderId: $id }) { __typename } }`,
      {
        id: h.id,
      },
    );
    expect(await runner.round()).toMatchObject({ ran: true, cancelled: 1 });
    await oms('oms.stock-received', {
      receipts: [{ locationId: 'L1', skuId: 'WID-BLUE', qty: 1 }],
    });
    await runner.round();
    expect(await vendure.stockOnHand('WID-BLUE')).toBe(inVendure + 1);
    const [instruction] = await t.db.query<{ id: string; qty: number }>(
      "SELECT id, qty FROM return_instructions WHERE backorder_line_id = $1 AND status = 'open'",
      [line],
    );
    expect(instruction).toMatchObject({ qty: 2 });
    await accepted(
      device.push(OPERATORS.packer, 'stock.returned', {
        locationId: 'L1',
        skuId: 'WID-BLUE',
        qty: 2,
        returnInstructionId: instruction!.id,
      }),
    );
    await runner.round();
    expect(await vendure.stockOnHand('WID-BLUE')).toBe(inVendure + 1);
    expect(await holding('WID-BLUE')).toBe(inVendure + 1);

    // The stock owner and the followed figures are logged events: the log rebuilds the same state.
    const replica = await t.openSchema('replayvendure');
    await replayLog(t.db, replica, registry);
    expect(await snapshotState(replica)).toEqual(await snapshotState(t.db));
  });

  it('npm run server -- --oms vendure imports from Vendure, and health shows the connector', async () => {
    const data = newDataDir();
    const running = await spawnUntilListening(
      'node',
      ['dist/server/main.mjs', '--port', '0', '--data', data, '--oms', 'vendure'],
      {
        env: {
          FILLWAVE_OMS_URL: `${door.url}/admin-api`,
          FILLWAVE_OMS_USER: ADMIN_CREDENTIALS.username,
          FILLWAVE_OMS_PASSWORD: ADMIN_CREDENTIALS.password,
        },
      },
    );
    try {
      // Its first round starts at once; bounded, so a connector that never imports fails here.
      let health: { oms?: Record<string, unknown> } = {};
      for (let i = 0; i < 300 && !health.oms?.lastImportAt; i++) {
        health = (await (await fetch(`${running.url}/api/v1/health`)).json()) as typeof health;
        if (!health.oms?.lastImportAt) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health.oms, running.output()).toMatchObject({
        connector: 'vendure',
        connected: true,
        stockOwner: 'fillwave',
        lastImportAt: expect.any(String),
        lag: expect.any(Number),
        failing: false,
      });
      // Neither the password nor Vendure's token is ever printed.
      expect(running.output()).not.toContain(ADMIN_CREDENTIALS.password);
    } finally {
      await running.stop();
      rmSync(data, { recursive: true, force: true });
    }
  });
});
