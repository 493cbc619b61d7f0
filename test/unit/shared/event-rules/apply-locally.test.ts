import { describe, expect, it } from 'vitest';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { memoryTables, overlay } from '../../../../shared/event-rules/tables';

// Pulled rows of one tour being picked: task K1 asks for 3 of S1 at L1 for line SO-1/1.
const pulled = () =>
  memoryTables([
    {
      entity: 'wave',
      id: 'W1',
      row: {
        id: 'W1',
        name: 'AM',
        status: 'released',
        releasedAt: '2026-11-25T08:00:00Z',
        releasedBy: 'op-lead',
      },
    },
    {
      entity: 'tour',
      id: 'T1',
      row: {
        id: 'T1',
        waveId: 'W1',
        sequence: 0,
        status: 'claimed',
        pickerId: 'op-pat',
        routeLengthM: 20,
      },
    },
    {
      entity: 'tote',
      id: 'T1|TT1',
      row: {
        id: 'T1|TT1',
        tourId: 'T1',
        toteCode: 'TT1',
        slot: 0,
        orderId: 'SO-1',
        status: 'picking',
        packStation: null,
      },
    },
    {
      entity: 'pickTask',
      id: 'K1',
      row: {
        id: 'K1',
        tourId: 'T1',
        waveId: 'W1',
        backorderLineId: 'SO-1/1',
        orderId: 'SO-1',
        locationId: 'L1',
        skuId: 'S1',
        qty: 3,
        sequence: 0,
        toteSlot: 0,
        status: 'open',
        pickedQty: 0,
        shortQty: 0,
      },
    },
    {
      entity: 'reservation',
      id: 'R1',
      row: {
        id: 'R1',
        backorderLineId: 'SO-1/1',
        locationId: 'L1',
        skuId: 'S1',
        qty: 3,
        waveId: 'W1',
      },
    },
    {
      entity: 'stock',
      id: 'L1|S1',
      row: { id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 10, reserved: 3 },
    },
    {
      entity: 'location',
      id: 'L1',
      row: {
        id: 'L1',
        code: 'L1',
        zone: 'A',
        aisle: 1,
        positionM: 2,
        level: 0,
        side: 'left',
        countRequired: false,
      },
    },
    {
      entity: 'backorderLine',
      id: 'SO-1/1',
      row: {
        id: 'SO-1/1',
        orderId: 'SO-1',
        lineNo: 1,
        skuId: 'S1',
        customerId: 'C1',
        customerTier: 1,
        orderedAt: '2026-11-20T10:00:00Z',
        promisedBy: '2026-11-28T10:00:00Z',
        shipComplete: false,
        carrier: null,
        cutoffAt: null,
        qtyOrdered: 3,
        qtyBackordered: 3,
        qtyAllocated: 3,
        qtyPicked: 0,
        qtyShort: 0,
        qtyShipped: 0,
        qtyCancelled: 0,
        status: 'in_wave',
      },
    },
  ]);

const pick = (qty: number, operatorId = 'op-pat') => ({
  id: 'e1',
  type: 'pick.confirmed',
  operatorId,
  at: '2026-11-25T09:00:00.000Z',
  payload: { pickTaskId: 'K1', qty, toteCode: 'TT1' },
});

describe('applyLocally', () => {
  it('shows a confirmed pick at once: task, stock, line and the pick itself', () => {
    const base = pulled();
    const outcome = applyLocally(base, pick(3));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const view = overlay(base, outcome.changes);
    expect(view.get('pickTask', 'K1')).toMatchObject({ status: 'picked', pickedQty: 3 });
    expect(view.get('stock', 'L1|S1')).toMatchObject({ onHand: 7, reserved: 0 });
    expect(view.get('backorderLine', 'SO-1/1')).toMatchObject({ qtyPicked: 3, status: 'picked' });
    expect(view.get('reservation', 'R1')).toBeUndefined();
    expect(view.get('pick', 'e1')).toMatchObject({ qty: 3, toteCode: 'TT1', pickedBy: 'op-pat' });
    // The pulled rows themselves are untouched: drop the pending event and the pick is gone.
    expect(base.get('pickTask', 'K1')).toMatchObject({ status: 'open', pickedQty: 0 });
  });

  it('says why when the device can already tell the event will not apply, and changes nothing', () => {
    expect(applyLocally(pulled(), pick(4))).toEqual({
      ok: false,
      code: 'over-pick',
      reason: 'This pick asks for 3 more; 4 is too many.',
    });
    expect(applyLocally(pulled(), pick(1, 'op-someone-else'))).toEqual({
      ok: false,
      code: 'tour-taken',
      reason: 'Tour 1 of AM is held by someone; take another tour.',
    });
    expect(applyLocally(pulled(), { ...pick(1), payload: { pickTaskId: 'K1' } })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('The quantity is missing: fill it in.'),
    });
    expect(applyLocally(pulled(), { ...pick(1), type: 'no.such' })).toEqual({
      ok: false,
      code: 'unknown-type',
      reason: 'This device does not know that action.',
    });
  });

  it('lays a short pick: the rest back to the backorder, the bin emptied and flagged for a count', () => {
    const base = pulled();
    const outcome = applyLocally(base, {
      ...pick(0),
      type: 'short-pick.reported',
      payload: { pickTaskId: 'K1', foundQty: 0, reason: 'not-found' },
    });
    if (!outcome.ok) throw new Error(outcome.reason);
    const view = overlay(base, outcome.changes);
    expect(view.get('pickTask', 'K1')).toMatchObject({ status: 'short', shortQty: 3 });
    expect(view.get('stock', 'L1|S1')).toMatchObject({ onHand: 0, reserved: 0 });
    expect(view.get('location', 'L1')).toMatchObject({ countRequired: true });
    expect(view.get('backorderLine', 'SO-1/1')).toMatchObject({
      qtyAllocated: 0,
      qtyShort: 3,
      status: 'open',
    });
  });
});
