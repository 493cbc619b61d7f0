import { describe, expect, it } from 'vitest';
import { oneTaskFloor, oneTaskLine } from '../../../fixtures/one-task-floor';
import type { BackorderLine } from '../../../../shared/domain/backorder-line';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { cancelLineUnits } from '../../../../shared/event-rules/cancellation';
import { Draft } from '../../../../shared/event-rules/draft';
import { memoryTables, overlay, type Tables } from '../../../../shared/event-rules/tables';
import { openQty, owedQty, toPickQty, toShipQty } from '../../../../shared/rules/line-quantities';

// One order line of 7 on a claimed tour: task K1 asks for all 7 of S1 at L1 (10 on hand).
const LINE = oneTaskLine(7);
const floor = () => oneTaskFloor(7);

const at = '2026-11-25T09:00:00.000Z';
const run = (base: Tables, type: string, payload: unknown, id = `e-${type}`) => {
  const outcome = applyLocally(base, { id, type, operatorId: 'op-pat', at, payload });
  if (!outcome.ok) throw new Error(outcome.reason);
  return overlay(base, outcome.changes);
};
const cancel = (base: Tables, qty?: number) => {
  const d = new Draft(base);
  const outcome = cancelLineUnits(
    d,
    { backorderLineId: 'SO-1/1', reason: 'customer', ...(qty ? { qty } : {}) },
    { eventId: 'c1' },
  );
  return { outcome, view: outcome.ok ? overlay(base, d.changes()) : base };
};
const line = (t: Tables) => t.get('backorderLine', 'SO-1/1')!;
const buckets = (l: BackorderLine) => ({
  shipped: l.qtyShipped,
  cancelled: l.qtyCancelled,
  open: openQty(l),
  toPick: toPickQty(l),
  toShip: toShipQty(l),
});

describe('every owed unit is in a bucket a lead can see', () => {
  it('a partial short pick (7 asked, 1 found) leaves the line open with 6 to plan and 1 to ship', () => {
    const view = run(floor(), 'short-pick.reported', {
      pickTaskId: 'K1',
      foundQty: 1,
      toteCode: 'TT1',
      reason: 'not-found',
    });
    const l = line(view);
    expect(l.status).toBe('open');
    expect(buckets(l)).toEqual({ shipped: 0, cancelled: 0, open: 6, toPick: 0, toShip: 1 });
    expect(owedQty(l)).toBe(7);
  });

  it('the one found unit ships and the line stays open for the other 6', () => {
    const picked = run(floor(), 'short-pick.reported', {
      pickTaskId: 'K1',
      foundQty: 1,
      toteCode: 'TT1',
      reason: 'not-found',
    });
    const outcome = applyLocally(picked, {
      id: 's1',
      type: 'shipment.confirmed',
      operatorId: 'op-pack',
      at,
      payload: {
        shipmentId: 'SH1',
        orderId: 'SO-1',
        lines: [{ backorderLineId: 'SO-1/1', qty: 1 }],
        carrier: 'ups',
        service: 'Ground',
        trackingNumber: '1Z999AA10123456784',
        weightKg: 1,
        parcels: 1,
      },
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    const l = line(overlay(picked, outcome.changes));
    expect(l.status).toBe('open');
    expect(buckets(l)).toEqual({ shipped: 1, cancelled: 0, open: 6, toPick: 0, toShip: 0 });
  });
});

describe('a customer cancels part of a line', () => {
  it('takes owed units first, then allocated ones: the reservation, the stock held and the task shrink', () => {
    const { outcome, view } = cancel(floor(), 3);
    expect(outcome).toEqual({ ok: true });
    expect(buckets(line(view))).toEqual({
      shipped: 0,
      cancelled: 3,
      open: 0,
      toPick: 4,
      toShip: 0,
    });
    expect(view.get('reservation', 'R1')).toMatchObject({ qty: 4 });
    expect(view.get('stock', 'L1|S1')).toMatchObject({ onHand: 10, reserved: 4 });
    expect(view.get('pickTask', 'K1')).toMatchObject({ qty: 4, status: 'open' });
  });

  it('cancels picked units last, with an instruction to return them where they came from', () => {
    const picked = run(floor(), 'pick.confirmed', { pickTaskId: 'K1', qty: 5, toteCode: 'TT1' });
    const { view } = cancel(picked, 4);
    const l = line(view);
    expect(buckets(l)).toEqual({ shipped: 0, cancelled: 4, open: 0, toPick: 0, toShip: 3 });
    expect(view.get('returnInstruction', 'c1:L1')).toMatchObject({
      locationId: 'L1',
      skuId: 'S1',
      qty: 2,
      status: 'open',
    });
    // The 2 still to pick were cut from the task, which is now done with its 5.
    expect(view.get('pickTask', 'K1')).toMatchObject({ qty: 5, status: 'picked' });
    expect(view.get('reservation', 'R1')).toBeUndefined();
    expect(l.status).toBe('picked');
  });

  it('a whole cancellation of an untouched line leaves it cancelled with its task off the tour', () => {
    const { view } = cancel(floor());
    expect(line(view).status).toBe('cancelled');
    expect(buckets(line(view))).toEqual({
      shipped: 0,
      cancelled: 7,
      open: 0,
      toPick: 0,
      toShip: 0,
    });
    expect(view.get('pickTask', 'K1')).toMatchObject({ status: 'cancelled' });
    expect(view.get('stock', 'L1|S1')).toMatchObject({ reserved: 0 });
  });

  it('refuses more than is owed, and a line that has shipped, changing nothing', () => {
    expect(cancel(floor(), 8).outcome).toEqual({
      ok: false,
      code: 'more-than-owed',
      message:
        'Line 1 of order SO-1 owes 7; 8 cannot be cancelled (0 shipped, 0 cancelled before).',
    });
    const shipped = memoryTables([
      {
        entity: 'backorderLine',
        id: LINE.id,
        row: { ...LINE, qtyAllocated: 7, qtyPicked: 7, qtyShipped: 7, status: 'shipped' },
      },
    ]);
    expect(cancel(shipped).outcome).toMatchObject({ ok: false, code: 'line-shipped' });
  });
});
