// Vendure takes a shipment's fulfillment but will not move it to Shipped (its fulfillment process,
// a plugin): the lead hears it in Vendure's words and later shipments still go out. Before, the
// connector threw and every round stopped at that event for good.
import { describe, expect, it } from 'vitest';
import type { FeedEntry } from '../../../../shared/sync-api/feed';
import type { Fetch } from '../../../../server/oms/vendure/client';
import { VendureConnector } from '../../../../server/oms/vendure/connector';

const shipment = (id: string, fulfillments: { id: string; state: string; method: string }[]) => {
  const asked: string[] = [];
  // A Vendure that answers the three calls an export makes, in GraphQL's shape.
  const fetchFn: Fetch = async (_url, init) => {
    const { query } = JSON.parse(String(init?.body)) as { query: string };
    const name = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? query.slice(0, 40);
    asked.push(name);
    const data = query.includes('orders(')
      ? { orders: { items: [{ id: '1', code: 'SO-9', fulfillments }] } }
      : query.includes('addFulfillmentToOrder')
        ? { addFulfillmentToOrder: { __typename: 'Fulfillment', id: 'F1', state: 'Pending' } }
        : {
            transitionFulfillmentToState: {
              __typename: 'FulfillmentStateTransitionError',
              errorCode: 'FULFILLMENT_STATE_TRANSITION_ERROR',
              message: 'Cannot transition Fulfillment from "Pending" to "Shipped"',
              transitionError: 'Awaiting a label from the carrier plugin',
            },
          };
    return new Response(JSON.stringify({ data }), {
      headers: { 'content-type': 'application/json' },
    });
  };
  const entry: FeedEntry = {
    event: {
      id: `e-${id}`,
      type: 'shipment.confirmed',
      source: 'device',
      deviceId: 'd1',
      operatorId: 'op-pa',
      at: '2026-12-01T10:00:00.000Z',
      receivedAt: '2026-12-01T10:00:01.000Z',
      payload: {},
    },
    orders: [],
    shipment: {
      id,
      orderId: 'SO-9',
      carrier: 'DHL',
      service: 'express',
      trackingNumber: '1234567890',
      weightKg: 1,
      parcels: 1,
      shippedAt: '2026-12-01T10:00:00.000Z',
      shippedBy: 'op-pa',
      lines: [{ backorderLineId: 'SO-9/7', qty: 1, backorderSeconds: 60 }],
    },
  };
  const connector = new VendureConnector({
    url: 'http://127.0.0.1:1/admin-api',
    auth: { token: 't' },
    fetch: fetchFn,
  });
  return { asked, run: () => connector.exportEntry(entry) };
};

const REFUSED = {
  kind: 'refused',
  code: 'FULFILLMENT_STATE_TRANSITION_ERROR',
  orderId: 'SO-9',
  message:
    'Vendure recorded shipment SH-1 of order SO-9 but would not mark it shipped: Awaiting a label from the carrier plugin',
};

describe('a shipment Vendure will not mark shipped', () => {
  it('is a refusal in Vendure words once posted, not an error that stops the connector', async () => {
    const { asked, run } = shipment('SH-1', []);
    await expect(run()).resolves.toEqual(REFUSED);
    expect(asked).toEqual(['FillwaveOrder', expect.any(String), expect.any(String)]);
  });

  it('is the same refusal when the fulfillment was already there, and nothing is posted again', async () => {
    const { asked, run } = shipment('SH-1', [
      { id: 'F1', state: 'Pending', method: 'DHL express [fillwave SH-1]' },
    ]);
    await expect(run()).resolves.toEqual(REFUSED);
    expect(asked.some((q) => /addFulfillment/i.test(q))).toBe(false);
  });
});
