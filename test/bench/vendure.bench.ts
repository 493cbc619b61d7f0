// The Vendure connector against a real Vendure 3 in this process (sql.js): importing paid orders
// as backorder lines, and posting shipments as Shipped fulfillments. Baselines, in the same run on
// the same Vendure: the same Admin API calls made directly (reading the same orders page by page;
// addFulfillmentToOrder and transitionFulfillmentToState), so the ratio is what Fillwave adds
// (recording the import as events; looking each shipment up before posting it).
// FILLWAVE_BENCH_VENDURE_ORDERS sets how many orders (1,000 unless said: each one is placed
// through the Shop API first, seven calls, which takes most of the bench's time).
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../server/clock';
import { databaseId } from '../../server/db/migrate';
import { OmsRunner } from '../../server/oms/runner';
import { VendureClient } from '../../server/oms/vendure/client';
import { VendureConnector } from '../../server/oms/vendure/connector';
import type { FeedEntry } from '../../shared/sync-api/feed';
import { openTestDatabase } from '../fixtures/test-db';
import { testRegistry } from '../fixtures/test-events';
import { ADMIN_CREDENTIALS, startTestVendure } from '../fixtures/vendure/vendure-shop';
import { perSecond, type BenchGroup, type Figure } from './harness';

const ORDERS = Number(process.env.FILLWAVE_BENCH_VENDURE_ORDERS ?? 1000);
const SHIPMENTS = Math.min(200, Math.floor(ORDERS / 2));
const PLACING_AT_ONCE = 4;

interface Placed {
  id: string;
  code: string;
  lines: { id: string; quantity: number }[];
}

const FULFIL = `mutation($input: FulfillOrderInput!) { addFulfillmentToOrder(input: $input) {
  __typename ... on Fulfillment { id } ... on ErrorResult { message } } }`;
const SHIP = `mutation($id: ID!) { transitionFulfillmentToState(id: $id, state: "Shipped") { __typename } }`;

const vendureBench = async (): Promise<Figure[]> => {
  const vendure = await startTestVendure();
  const t = await openTestDatabase('embedded');
  try {
    const skus = ['WID-BLUE', 'GAD-RED'];
    for (let i = 0; i < ORDERS; i += PLACING_AT_ONCE) {
      await Promise.all(
        Array.from({ length: Math.min(PLACING_AT_ONCE, ORDERS - i) }, (_, k) =>
          vendure.placeOrder([{ sku: skus[(i + k) % 2]!, qty: 1 + ((i + k) % 3) }]),
        ),
      );
    }
    const client = new VendureClient(vendure.adminUrl, ADMIN_CREDENTIALS);

    // The baseline: every paid order, read page by page as the connector reads them.
    const placed: Placed[] = [];
    let started = performance.now();
    for (let skip = 0; ; skip += 100) {
      const { orders } = await client.request<{
        orders: { totalItems: number; items: (Placed & { updatedAt: string })[] };
      }>(
        `query($options: OrderListOptions) { orders(options: $options) { totalItems items {
           id code state orderPlacedAt updatedAt customer { id } shippingLines { shippingMethod { name } }
           lines { id quantity productVariant { id sku name } }
           fulfillments { id state method trackingCode lines { orderLineId quantity } } } } }`,
        {
          options: {
            skip,
            take: 100,
            sort: { updatedAt: 'ASC' },
            filter: { state: { in: ['PaymentSettled', 'PartiallyShipped'] } },
          },
        },
      );
      placed.push(...orders.items);
      if (skip + 100 >= orders.totalItems) break;
    }
    const readMs = performance.now() - started;

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
    if (!('imported' in round) || round.imported !== ORDERS)
      throw new Error(`import brought ${JSON.stringify(round)} for ${ORDERS} orders`);

    // Shipments: the first half straight to Vendure, the second through the connector.
    await vendure.setStock('WID-BLUE', 1_000_000);
    await vendure.setStock('GAD-RED', 1_000_000);
    const direct = placed.slice(0, SHIPMENTS);
    started = performance.now();
    for (const o of direct) {
      const { addFulfillmentToOrder: made } = await client.request<{
        addFulfillmentToOrder: { id: string };
      }>(FULFIL, {
        input: {
          lines: o.lines.map((l) => ({ orderLineId: l.id, quantity: l.quantity })),
          handler: {
            code: 'manual-fulfillment',
            arguments: [
              { name: 'method', value: 'DHL express' },
              { name: 'trackingCode', value: 'JD0001' },
            ],
          },
        },
      });
      await client.request(SHIP, { id: made.id });
    }
    const directMs = performance.now() - started;

    const viaConnector = placed.slice(SHIPMENTS, 2 * SHIPMENTS);
    started = performance.now();
    for (const [i, o] of viaConnector.entries()) {
      const entry = {
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
      } as unknown as FeedEntry;
      const outcome = await connector.exportEntry(entry);
      if (outcome.kind !== 'done') throw new Error(`shipment ${i}: ${JSON.stringify(outcome)}`);
    }
    const connectorMs = performance.now() - started;

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
