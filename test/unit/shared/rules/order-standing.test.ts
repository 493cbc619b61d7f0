import { describe, expect, it } from 'vitest';
import { orderStanding, type StandingLine } from '../../../../shared/rules/order-standing';

const line = (id: string, over: Partial<StandingLine> = {}): StandingLine => ({
  id,
  status: 'open',
  qtyBackordered: 5,
  qtyAllocated: 0,
  qtyPicked: 0,
  qtyShipped: 0,
  qtyCancelled: 0,
  orderedAt: '2026-11-20T10:00:00.000Z',
  ...over,
});
const shipment = (id: string, shippedAt: string, lines: [string, number, number][]) => ({
  id,
  shippedAt,
  lines: lines.map(([backorderLineId, qty, backorderSeconds]) => ({
    backorderLineId,
    qty,
    backorderSeconds,
  })),
});

describe("an order's standing for the OMS", () => {
  it('has no duration while anything is owed, and from the earliest order to the last shipment after', () => {
    const part = orderStanding(
      'SO-1',
      [line('SO-1/1', { qtyAllocated: 5, qtyPicked: 5, qtyShipped: 3, status: 'picked' })],
      [shipment('SH-1', '2026-11-21T10:00:00.000Z', [['SO-1/1', 3, 86_400]])],
      null,
    );
    expect(part).toMatchObject({ owed: 2, backorderSeconds: null });
    expect(part.lines[0]).toMatchObject({ owed: 2, backorderSeconds: null });

    const whole = orderStanding(
      'SO-1',
      [
        line('SO-1/1', { qtyAllocated: 5, qtyPicked: 5, qtyShipped: 5, status: 'shipped' }),
        line('SO-1/2', {
          orderedAt: '2026-11-19T10:00:00.000Z',
          qtyAllocated: 3,
          qtyPicked: 3,
          qtyShipped: 3,
          qtyCancelled: 2,
          status: 'shipped',
        }),
      ],
      // Out of order on purpose: the last by time counts.
      [
        shipment('SH-2', '2026-11-23T10:00:00.000Z', [
          ['SO-1/1', 2, 259_200],
          ['SO-1/2', 3, 345_600],
        ]),
        shipment('SH-1', '2026-11-21T10:00:00.000Z', [['SO-1/1', 3, 86_400]]),
      ],
      null,
    );
    expect(whole).toMatchObject({
      status: 'shipped',
      owed: 0,
      lastShippedAt: '2026-11-23T10:00:00.000Z',
      backorderSeconds: 4 * 86_400,
    });
    expect(whole.lines.map((l) => [l.id, l.owed, l.backorderSeconds, l.shipments.length])).toEqual([
      ['SO-1/1', 0, 259_200, 2],
      ['SO-1/2', 0, 345_600, 1],
    ]);
  });

  it('gives an order cancelled whole no duration', () => {
    expect(
      orderStanding('SO-2', [line('SO-2/1', { qtyCancelled: 5, status: 'cancelled' })], [], null),
    ).toMatchObject({ status: 'cancelled', owed: 0, backorderSeconds: null, lastShippedAt: null });
  });
});
