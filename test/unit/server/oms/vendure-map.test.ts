import { describe, expect, it } from 'vitest';
import {
  backorderLinesOf,
  fulfillmentOf,
  orderLineIdOf,
  owedByLine,
  wantedByLine,
  type VendureOrder,
} from '../../../../server/oms/vendure/map';

const order = (over: Partial<VendureOrder> = {}): VendureOrder => ({
  id: 'T_1',
  code: 'ABC123',
  state: 'PartiallyShipped',
  orderPlacedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  customer: { id: 'T_7' },
  shippingLines: [{ shippingMethod: { name: 'Standard Shipping' } }],
  lines: [
    { id: 'T_11', quantity: 4, productVariant: { id: 'T_1', sku: 'WID', name: 'Widget' } },
    { id: 'T_12', quantity: 2, productVariant: { id: 'T_2', sku: 'GAD', name: 'Gadget' } },
  ],
  fulfillments: [
    {
      id: 'T_5',
      state: 'Shipped',
      method: 'counter',
      trackingCode: null,
      lines: [{ orderLineId: 'T_11', quantity: 1 }],
    },
    {
      id: 'T_6',
      state: 'Cancelled',
      method: 'DHL express [fillwave SH-1]',
      trackingCode: 'JD1',
      lines: [{ orderLineId: 'T_12', quantity: 2 }],
    },
  ],
  ...over,
});

describe('a Vendure order as backorder lines', () => {
  it('owes what no live fulfillment holds; a cancelled fulfillment gives its units back', () => {
    expect([...owedByLine(order())]).toEqual([
      ['T_11', 3],
      ['T_12', 2],
    ]);
    expect([...owedByLine(order({ state: 'Cancelled' })).values()]).toEqual([0, 0]);
  });

  it('wants the line quantity; in a cancelled order, only what had been fulfilled', () => {
    expect([...wantedByLine(order()).values()]).toEqual([4, 2]);
    // Vendure may leave a cancelled line's quantity as it was, or lower it: either way.
    const cancelled = order({ state: 'Cancelled' });
    expect([...wantedByLine(cancelled).values()]).toEqual([1, 0]);
    cancelled.lines = cancelled.lines.map((l) => ({ ...l, quantity: 0 }));
    expect([...wantedByLine(cancelled).values()]).toEqual([1, 0]);
  });

  it('makes a line per owing order line, named by order code and order line id', () => {
    const lines = backorderLinesOf(order());
    expect(lines.map((l) => [l.id, l.lineNo, l.skuId, l.qtyOrdered, l.qtyBackordered])).toEqual([
      ['ABC123/T_11', 1, 'WID', 4, 3],
      ['ABC123/T_12', 2, 'GAD', 2, 2],
    ]);
    expect(lines[0]).toMatchObject({
      orderId: 'ABC123',
      customerId: 'T_7',
      carrier: 'Standard Shipping',
      orderedAt: '2026-11-20T10:00:00.000Z',
      promisedBy: '2026-11-27T10:00:00.000Z',
    });
    // Orders that owe nothing to a warehouse: not yet paid, or shipped.
    expect(backorderLinesOf(order({ state: 'ArrangingPayment' }))).toEqual([]);
    expect(backorderLinesOf(order({ state: 'Shipped' }))).toEqual([]);
  });

  it('maps a line back to its order line only within its own order', () => {
    expect(orderLineIdOf('ABC123', 'ABC123/T_11')).toBe('T_11');
    expect(orderLineIdOf('ABC12', 'ABC123/T_11')).toBeNull();
  });

  it('finds a shipment’s fulfillment by the mark in its method, not by a prefix of another id', () => {
    expect(fulfillmentOf(order(), 'SH-1')?.id).toBe('T_6');
    expect(fulfillmentOf(order(), 'SH-')).toBeUndefined();
    expect(fulfillmentOf(order({ fulfillments: null }), 'SH-1')).toBeUndefined();
  });
});
