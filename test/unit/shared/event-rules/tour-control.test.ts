import { describe, expect, it } from 'vitest';
import { applyLocally, type LocalEvent } from '../../../../shared/event-rules/apply-locally';
import type { EntityName } from '../../../../shared/domain/entities';
import { DEFAULT_FLOOR_SETTINGS } from '../../../../shared/domain/floor-settings';
import { memoryTables, overlay } from '../../../../shared/event-rules/tables';

type RowChange = { entity: EntityName; id: string; row: Record<string, unknown> };

// A released wave of two tours (T1: two tasks, T2: one), stock reserved for both lines in the
// wave, and three operators: Ann and Bo pick, Lee leads.
const row = (entity: string, r: { id: string } & Record<string, unknown>): RowChange => ({
  entity: entity as EntityName,
  id: r.id,
  row: r,
});

const line = (id: string, qty: number) =>
  row('backorderLine', {
    id,
    orderId: id.split('/')[0]!,
    lineNo: 1,
    skuId: 'S1',
    customerId: 'C1',
    customerTier: 1,
    orderedAt: '2026-11-20T10:00:00Z',
    promisedBy: '2026-11-28T10:00:00Z',
    shipComplete: false,
    carrier: null,
    cutoffAt: null,
    qtyOrdered: qty,
    qtyBackordered: qty,
    qtyAllocated: qty,
    qtyPicked: 0,
    qtyShort: 0,
    qtyShipped: 0,
    qtyCancelled: 0,
    status: 'in_wave',
  });

const task = (id: string, tourId: string, lineId: string, qty: number, status = 'open') =>
  row('pickTask', {
    id,
    tourId,
    waveId: 'W1',
    backorderLineId: lineId,
    orderId: lineId.split('/')[0]!,
    locationId: 'L1',
    skuId: 'S1',
    qty,
    sequence: 0,
    toteSlot: 0,
    status,
    pickedQty: status === 'picked' ? qty : 0,
    shortQty: 0,
  });

const tour = (id: string, sequence: number, status: string, pickerId: string | null) =>
  row('tour', { id, waveId: 'W1', sequence, status, pickerId, routeLengthM: 40 });

const operator = (id: string, name: string, role: string, active = true) =>
  row('operator', { id, badge: id, name, role, active });

const floor = (...extra: RowChange[]) => {
  const rows = [
    row('wave', {
      id: 'W1',
      name: 'Wave 1',
      status: 'released',
      releasedAt: '2026-12-01T07:00:00Z',
      releasedBy: 'op-lee',
    }),
    tour('T1', 0, 'released', null),
    tour('T2', 1, 'released', null),
    task('K1', 'T1', 'SO-1/1', 2),
    task('K2', 'T1', 'SO-2/1', 3),
    task('K3', 'T2', 'SO-3/1', 1),
    line('SO-1/1', 2),
    line('SO-2/1', 3),
    line('SO-3/1', 1),
    ...['SO-1/1', 'SO-2/1', 'SO-3/1'].map((l, i) =>
      row('reservation', {
        id: `R${i + 1}`,
        backorderLineId: l,
        locationId: 'L1',
        skuId: 'S1',
        qty: [2, 3, 1][i]!,
        waveId: 'W1',
      }),
    ),
    row('stock', { id: 'L1|S1', locationId: 'L1', skuId: 'S1', onHand: 10, reserved: 6 }),
    operator('op-ann', 'Ann', 'picker'),
    operator('op-bo', 'Bo', 'picker'),
    operator('op-cy', 'Cy', 'picker', false),
    operator('op-lee', 'Lee', 'lead'),
  ];
  // Later rows of the same id replace earlier ones.
  const byKey = new Map(rows.concat(extra).map((r) => [`${r.entity}:${r.id}`, r]));
  return memoryTables([...byKey.values()]);
};

let n = 0;
const event = (type: string, payload: unknown, operatorId = 'op-lee'): LocalEvent => ({
  id: `e${++n}`,
  type,
  operatorId,
  at: '2026-12-01T08:00:00.000Z',
  payload,
});

const after = (tables: ReturnType<typeof floor>, e: LocalEvent) => {
  const outcome = applyLocally(tables, e);
  if (!outcome.ok) throw new Error(outcome.reason);
  return overlay(tables, outcome.changes);
};

describe('tour.unassigned', () => {
  it('takes a tour back from the picker it was assigned or claimed by: released, nobody holds it', () => {
    for (const status of ['assigned', 'claimed']) {
      const view = after(
        floor(tour('T1', 0, status, 'op-ann')),
        event('tour.unassigned', { tourId: 'T1' }),
      );
      expect(view.get('tour', 'T1')).toMatchObject({ status: 'released', pickerId: null });
    }
  });

  it('refuses a started tour in a sentence that says who has it and how far, and changes nothing', () => {
    const started = floor(
      tour('T1', 0, 'picking', 'op-ann'),
      task('K1', 'T1', 'SO-1/1', 2, 'picked'),
    );
    expect(applyLocally(started, event('tour.unassigned', { tourId: 'T1' }))).toEqual({
      ok: false,
      code: 'tour-started',
      reason:
        'Tour 1 of Wave 1 is started by Ann (1 of 2 picks done): reassign it, and the new picker takes over the cart.',
    });
    // Totes on the cart count as started, even before the first pick.
    const withTote = floor(
      tour('T1', 0, 'claimed', 'op-ann'),
      row('tote', {
        id: 'T1|TT1',
        tourId: 'T1',
        toteCode: 'TT1',
        slot: 0,
        orderId: 'SO-1',
        status: 'picking',
        packStation: null,
      }),
    );
    expect(applyLocally(withTote, event('tour.unassigned', { tourId: 'T1' }))).toMatchObject({
      ok: false,
      code: 'tour-started',
    });
  });

  it('refuses a tour nobody holds, one that is done, and one it does not know', () => {
    expect(applyLocally(floor(), event('tour.unassigned', { tourId: 'T1' }))).toEqual({
      ok: false,
      code: 'tour-not-held',
      reason: 'Tour 1 of Wave 1 is not held by anyone: assign it instead.',
    });
    expect(
      applyLocally(
        floor(tour('T1', 0, 'completed', 'op-ann')),
        event('tour.unassigned', { tourId: 'T1' }),
      ),
    ).toEqual({
      ok: false,
      code: 'tour-not-open',
      reason: 'Tour 1 of Wave 1 is completed by Ann; nothing is left to pick.',
    });
    expect(applyLocally(floor(), event('tour.unassigned', { tourId: 'T9' }))).toMatchObject({
      ok: false,
      code: 'unknown-tour',
    });
  });
});

describe('tour.reassigned', () => {
  it('hands a tour not started to another picker, as assigned', () => {
    const view = after(
      floor(tour('T1', 0, 'claimed', 'op-ann')),
      event('tour.reassigned', { tourId: 'T1', pickerId: 'op-bo' }),
    );
    expect(view.get('tour', 'T1')).toMatchObject({ status: 'assigned', pickerId: 'op-bo' });
  });

  it('hands a started tour over mid-walk: still picking, the rest of its tasks now the new picker’s', () => {
    const tables = floor(
      tour('T1', 0, 'picking', 'op-ann'),
      task('K1', 'T1', 'SO-1/1', 2, 'picked'),
      row('tote', {
        id: 'T1|TT2',
        tourId: 'T1',
        toteCode: 'TT2',
        slot: 0,
        orderId: 'SO-2',
        status: 'picking',
        packStation: null,
      }),
    );
    const view = after(tables, event('tour.reassigned', { tourId: 'T1', pickerId: 'op-bo' }));
    expect(view.get('tour', 'T1')).toMatchObject({ status: 'picking', pickerId: 'op-bo' });
    // Bo may now pick the open task; Ann may not.
    const pick = (operatorId: string) =>
      event('pick.confirmed', { pickTaskId: 'K2', qty: 3, toteCode: 'TT2' }, operatorId);
    expect(applyLocally(view, pick('op-ann'))).toMatchObject({ ok: false, code: 'tour-taken' });
    expect(applyLocally(view, pick('op-bo'))).toMatchObject({ ok: true });
  });

  it('refuses the same picker, someone who is not an active picker, and a tour nobody holds', () => {
    const held = floor(tour('T1', 0, 'assigned', 'op-ann'));
    expect(
      applyLocally(held, event('tour.reassigned', { tourId: 'T1', pickerId: 'op-ann' })),
    ).toEqual({
      ok: false,
      code: 'same-picker',
      reason: 'Tour 1 of Wave 1 is already with Ann: choose another picker.',
    });
    for (const pickerId of ['op-cy', 'op-lee', 'op-nobody'])
      expect(
        applyLocally(held, event('tour.reassigned', { tourId: 'T1', pickerId })),
      ).toMatchObject({
        ok: false,
        code: 'unknown-picker',
      });
    expect(
      applyLocally(floor(), event('tour.reassigned', { tourId: 'T1', pickerId: 'op-bo' })),
    ).toMatchObject({ ok: false, code: 'tour-not-held' });
  });
});

describe('tour.claimed, one tour per picker', () => {
  const claim = (tourId: string, operatorId = 'op-ann') =>
    event('tour.claimed', { tourId }, operatorId);

  it('refuses a second tour while the picker holds one, naming it, and changes nothing', () => {
    for (const status of ['assigned', 'claimed', 'picking', 'completed']) {
      expect(applyLocally(floor(tour('T1', 0, status, 'op-ann')), claim('T2'))).toEqual({
        ok: false,
        code: 'one-tour-at-a-time',
        reason: 'You already hold Tour 1 of Wave 1: finish or drop it first.',
      });
    }
  });

  it('lets the picker claim again once the held tour’s totes are dropped, and lets another picker claim', () => {
    const view = after(floor(tour('T1', 0, 'dropped', 'op-ann')), claim('T2'));
    expect(view.get('tour', 'T2')).toMatchObject({ status: 'claimed', pickerId: 'op-ann' });
    const other = after(floor(tour('T1', 0, 'claimed', 'op-ann')), claim('T2', 'op-bo'));
    expect(other.get('tour', 'T2')).toMatchObject({ status: 'claimed', pickerId: 'op-bo' });
  });

  it('lets a picker hold several when the lead has switched the setting off', () => {
    const tables = floor(
      tour('T1', 0, 'claimed', 'op-ann'),
      row('floorSettings', { ...DEFAULT_FLOOR_SETTINGS, oneTourPerPicker: false }),
    );
    expect(after(tables, claim('T2')).get('tour', 'T2')).toMatchObject({
      status: 'claimed',
      pickerId: 'op-ann',
    });
  });

  it('lets a picker start a tour the lead assigned them, whatever else they hold', () => {
    const tables = floor(tour('T1', 0, 'claimed', 'op-ann'), tour('T2', 1, 'assigned', 'op-ann'));
    expect(after(tables, claim('T2')).get('tour', 'T2')).toMatchObject({ status: 'claimed' });
  });
});

describe('wave.cancelled', () => {
  it('with releaseStock: its stock is free again and its lines open for the planner', () => {
    const view = after(floor(), event('wave.cancelled', { waveId: 'W1', releaseStock: true }));
    expect(view.get('wave', 'W1')).toMatchObject({ status: 'cancelled' });
    expect(view.get('tour', 'T1')).toMatchObject({ status: 'cancelled' });
    expect(view.get('pickTask', 'K1')).toMatchObject({ status: 'cancelled' });
    expect(view.get('stock', 'L1|S1')).toMatchObject({ onHand: 10, reserved: 0 });
    expect(view.where('reservation', 'waveId', 'W1')).toEqual([]);
    expect(view.get('backorderLine', 'SO-2/1')).toMatchObject({ qtyAllocated: 0, status: 'open' });
  });

  it('without it: the stock stays reserved for the same lines, out of any wave', () => {
    const view = after(floor(), event('wave.cancelled', { waveId: 'W1' }));
    expect(view.get('stock', 'L1|S1')).toMatchObject({ reserved: 6 });
    expect(view.get('reservation', 'R2')).toMatchObject({ qty: 3, waveId: null });
    expect(view.get('backorderLine', 'SO-2/1')).toMatchObject({
      qtyAllocated: 3,
      status: 'allocated',
    });
  });

  it('refuses a wave a picker has, saying who, and changes nothing', () => {
    expect(
      applyLocally(
        floor(tour('T2', 1, 'claimed', 'op-bo')),
        event('wave.cancelled', { waveId: 'W1', releaseStock: true }),
      ),
    ).toEqual({
      ok: false,
      code: 'wave-started',
      reason: 'Wave 1 cannot be cancelled: tour 2 of Wave 1 is with Bo.',
    });
  });
});
