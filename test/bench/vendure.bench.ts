// The Vendure connector against a real Vendure 3 in this process (sql.js): importing paid orders
// as backorder lines, and posting shipments as Shipped fulfillments. Baselines, in the same run on
// the same Vendure: the same Admin API calls made directly, so the ratio is what Fillwave adds
// (recording the import as events; looking each shipment up before posting it).
// - Import: the connector's own requests, recorded during an untimed first read (which also warms
//   Vendure up), are sent again directly with a fresh sign-in, before and after the timed import;
//   the baseline is the mean of the two, so drift in the machine's load cancels out.
// - Shipments: addFulfillmentToOrder and transitionFulfillmentToState made directly on one order,
//   then the connector's export of a shipment of the next, in turns, each timed apart.
// FILLWAVE_BENCH_VENDURE_ORDERS sets how many orders (10,000 unless said). They are seeded
// before anything is timed: a few placed through the Shop API, the rest copied from them in
// Vendure's database (vendure-seed.ts), which takes seconds where placing each takes 0.3 s.
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../server/clock';
import { databaseId } from '../../server/db/migrate';
import { OmsRunner } from '../../server/oms/runner';
import { VendureClient } from '../../server/oms/vendure/client';
import { VendureConnector } from '../../server/oms/vendure/connector';
import type { FeedEntry } from '../../shared/sync-api/feed';
import { openTestDatabase } from '../fixtures/test-db';
import { testRegistry } from '../fixtures/test-events';
import {
  ADMIN_CREDENTIALS,
  startTestVendure,
  type TestVendure,
} from '../fixtures/vendure/vendure-shop';
import { perSecond, type BenchGroup, type Figure } from './harness';
import { seedOrders } from './vendure-seed';

const ORDERS = Number(process.env.FILLWAVE_BENCH_VENDURE_ORDERS ?? 10_000);
const SHIPMENTS = Math.min(200, Math.floor(ORDERS / 2));

interface Placed {
  id: string;
  code: string;
  lines: { id: string; quantity: number }[];
}

interface Call {
  query: string;
  variables: Record<string, unknown>;
}

const FULFIL = `mutation($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) {
  __typename ... on Fulfillment { id } ... on ErrorResult { message } } }`;
const SHIP = `mutation($id: ID!) { transitionFulfillmentToState(id: $id, state: "Shipped") { __typename } }`;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

// The requests a connector's import sends (its sign-in aside), and the orders they answered.
const recordImport = async (vendure: TestVendure): Promise<{ calls: Call[]; orders: Placed[] }> => {
  const calls: Call[] = [];
  const orders: Placed[] = [];
  const recording: typeof fetch = async (input, init) => {
    const call = JSON.parse(String(init?.body)) as Call;
    const answer = await fetch(input, init);
    if (!call.query.includes('FillwaveLogin')) {
      calls.push(call);
      const { data } = (await answer.clone().json()) as { data: { orders: { items: Placed[] } } };
      orders.push(...data.orders.items);
    }
    return answer;
  };
  const connector = new VendureConnector({
    url: vendure.adminUrl,
    auth: ADMIN_CREDENTIALS,
    fetch: recording,
  });
  await connector.importChanges(null);
  return { calls, orders: [...new Map(orders.map((o) => [o.id, o])).values()] };
};

// The same requests straight to Vendure, signing in first as the connector does: ms.
const replay = async (vendure: TestVendure, calls: Call[]): Promise<number> => {
  const client = new VendureClient(vendure.adminUrl, ADMIN_CREDENTIALS);
  const started = performance.now();
  for (const call of calls) await client.request(call.query, call.variables);
  return performance.now() - started;
};

const shipmentOf = (o: Placed, i: number): FeedEntry =>
  ({
    event: { id: `e-${i}`, type: 'shipment.confirmed', payload: {} },
    orders: [],
    shipment: {
      id: `SH-${i}`,
      orderId: o.code,
      carrier: 'DHL',
      service: 'express',
      trackingNumber: 'JD0001',
      weightKg: 1,
      parcels: 1,
      shippedAt: new Date().toISOString(),
      shippedBy: 'op-packer',
      lines: o.lines.map((l) => ({
        backorderLineId: `${o.code}/${l.id}`,
        qty: l.quantity,
        backorderSeconds: 0,
      })),
    },
  }) as unknown as FeedEntry;

const vendureBench = async (): Promise<Figure[]> => {
  const vendure = await startTestVendure();
  const t = await openTestDatabase('embedded');
  try {
    let started = performance.now();
    await seedOrders(vendure, ORDERS);
    console.error(
      `vendure: ${ORDERS} paid orders seeded in ${seconds(performance.now() - started)} s`,
    );
    started = performance.now();
    const { calls, orders: placed } = await recordImport(vendure);
    console.error(`vendure: first read (untimed) in ${seconds(performance.now() - started)} s`);
    const lines = placed.reduce((n, o) => n + o.lines.length, 0);
    if (placed.length !== ORDERS)
      throw new Error(`Vendure answered ${placed.length} of the ${ORDERS} orders seeded`);

    const readBeforeMs = await replay(vendure, calls);
    const registry = testRegistry();
    const connector = new VendureConnector({ url: vendure.adminUrl, auth: ADMIN_CREDENTIALS });
    const runner = new OmsRunner({
      db: t.db,
      registry,
      clock: systemClock,
      databaseId: await databaseId(t.db),
      connector,
      stockOwner: 'oms',
    });
    started = performance.now();
    const round = await runner.round();
    const importMs = performance.now() - started;
    await runner.stop();
    const readAfterMs = await replay(vendure, calls);
    const readMs = (readBeforeMs + readAfterMs) / 2;
    // Every line of every order, the copied ones as the placed ones.
    if (!('imported' in round) || round.imported !== lines)
      throw new Error(
        `import brought ${JSON.stringify(round)} for ${ORDERS} orders of ${lines} lines`,
      );

    // Shipments: in turns, one order straight to Vendure, the next through the connector.
    await vendure.setStock('WID-BLUE', 1_000_000);
    await vendure.setStock('GAD-RED', 1_000_000);
    const client = new VendureClient(vendure.adminUrl, ADMIN_CREDENTIALS);
    let directMs = 0;
    let connectorMs = 0;
    for (let i = 0; i < SHIPMENTS; i++) {
      const direct = placed[2 * i]!;
      started = performance.now();
      const { addFulfillmentToOrder: made } = await client.request<{
        addFulfillmentToOrder: { id?: string; message?: string };
      }>(FULFIL, {
        input: {
          lines: direct.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
          handler: {
            code: 'manual-fulfillment',
            arguments: [
              { name: 'method', value: 'DHL express' },
              { name: 'trackingCode', value: 'JD0001' },
            ],
          },
        },
      });
      if (!made.id) throw new Error(`order ${direct.code}: ${made.message}`);
      await client.request(SHIP, { id: made.id });
      directMs += performance.now() - started;

      started = performance.now();
      const outcome = await connector.exportEntry(shipmentOf(placed[2 * i + 1]!, i));
      connectorMs += performance.now() - started;
      if (outcome.kind !== 'done') throw new Error(`shipment ${i}: ${JSON.stringify(outcome)}`);
    }

    return [
      {
        name: `import_${ORDERS}_orders`,
        value: importMs / 1000,
        unit: 's',
        baseline: readMs / 1000,
      },
      {
        name: 'import_orders_per_s',
        value: perSecond(ORDERS, importMs),
        unit: 'orders/s',
        baseline: perSecond(ORDERS, readMs),
      },
      {
        name: 'shipments_posted_per_s',
        value: perSecond(SHIPMENTS, connectorMs),
        unit: 'shipments/s',
        baseline: perSecond(SHIPMENTS, directMs),
      },
    ];
  } finally {
    await t.dispose();
    await vendure.close();
  }
};

const group: BenchGroup = {
  group: 'vendure',
  benches: [{ name: 'connector', run: vendureBench }],
};
export default group;
