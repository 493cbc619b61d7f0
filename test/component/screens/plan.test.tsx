import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Location } from '../../../shared/domain/location';
import type { Operator } from '../../../shared/domain/operator';
import { TourAssignedSchema, WaveReleasedSchema } from '../../../shared/sync-api/events/lead';
import { db } from '../../../renderer/db/db';
import { act as actOn } from '../../../renderer/actions/act';
import { planShift } from '../../../renderer/db/tables/planning';
import { PlanScreen } from '../../../renderer/screens/lead/PlanScreen';
import { ENTITY_TABLES } from '../../../renderer/db/entity-tables';
import { computePendingView, EMPTY_VIEW } from '../../../renderer/sync/pending-view';
import { useAppStore } from '../../../renderer/stores/app-store';
import { line } from '../fixtures';

// Four aisles of 20 m, 3 m apart, the depot at the front of aisle 1. SKU-1 sits 5 m up aisle 1,
// SKU-2 5 m up aisle 2; SKU-3 has no stock.
const LAYOUT = {
  id: 'main',
  name: 'Main floor',
  aisleCount: 4,
  aisleLengthM: 20,
  aisleSpacingM: 3,
  crossAislesM: [0, 20],
  depotAisle: 1,
  depotCrossAisleM: 0,
};
const location = (id: string, aisle: number, positionM: number): Location => ({
  id,
  code: id,
  zone: 'Z1',
  aisle,
  positionM,
  level: 0,
  side: 'left',
  countRequired: false,
});
const sku = (id: string) => ({
  id,
  sku: id,
  description: '',
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes: [],
});
const stock = (locationId: string, skuId: string, onHand: number, reserved = 0) => ({
  id: `${locationId}|${skuId}`,
  locationId,
  skuId,
  onHand,
  reserved,
});
const operator = (id: string, name: string, role: Operator['role'], active = true): Operator => ({
  id,
  badge: id,
  name,
  role,
  active,
});

const ctx = { operatorId: 'op-lee', now: () => new Date(), newId: () => crypto.randomUUID() };

const seed = async () => {
  await db.warehouseLayouts.put(LAYOUT);
  await db.locations.bulkPut([location('L1', 1, 5), location('L2', 2, 5), location('L3', 3, 10)]);
  await db.skus.bulkPut([sku('SKU-1'), sku('SKU-2'), sku('SKU-3')]);
  await db.stock.bulkPut([stock('L1', 'SKU-1', 10), stock('L2', 'SKU-2', 5)]);
  await db.backorderLines.bulkPut([
    line('SO-1/1'),
    line('SO-1/2', { skuId: 'SKU-2', qtyOrdered: 2, qtyBackordered: 2 }),
    line('SO-2/1', { qtyOrdered: 3, qtyBackordered: 3 }),
    line('SO-3/1', { skuId: 'SKU-3' }),
    line('SO-4/1', { status: 'held' }),
    line('SO-5/1', { status: 'shipped', qtyShipped: 5 }),
  ]);
  await db.operators.bulkPut([
    operator('op-lee', 'Lee Lead', 'lead'),
    operator('op-pat', 'Pat Picker', 'picker'),
    operator('op-old', 'Old Picker', 'picker', false),
  ]);
};

describe('the plan screen', () => {
  beforeEach(async () => {
    await seed();
    useAppStore.setState({ operator: { id: 'op-lee', name: 'Lee Lead', role: 'lead' } });
  });

  it('previews the waves with their tours, and the lines left with why', async () => {
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    const wave = await screen.findByRole('article', { name: 'Wave 1 · no cut-off · 1 tour' });
    // Depot → 5 m up aisle 1 → across the front to 5 m up aisle 2 → back: 5 + 13 + 8 m.
    expect(within(wave).getByText('2 orders · 3 lines · 10 units · 26 m')).toBeInTheDocument();
    const tours = within(wave).getByRole('list', { name: /^Tours of/ });
    expect(
      within(tours)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Tour 1: 2 orders · 3 lines · 10 units · 26 m']);
    const left = screen.getByRole('list', { name: 'Lines left' });
    expect(
      within(left)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1 line: not enough free stock', '1 line: on hold']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('releases a wave as one event that reserves its lines, then lists its tours', async () => {
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    await user.click(
      await screen.findByRole('button', { name: 'Release Wave 1 · no cut-off · 1 tour' }),
    );
    expect(await screen.findByText('No wave to release.')).toBeInTheDocument();
    const events = await db.outbox.toArray();
    expect(events.map((e) => [e.type, e.operatorId])).toEqual([['wave.released', 'op-lee']]);
    const payload = WaveReleasedSchema.parse(events[0]!.payload);
    expect(payload.allocation!.map((a) => [a.backorderLineId, a.reservations]).sort()).toEqual([
      ['SO-1/1', [{ locationId: 'L1', qty: 5 }]],
      ['SO-1/2', [{ locationId: 'L2', qty: 2 }]],
      ['SO-2/1', [{ locationId: 'L1', qty: 3 }]],
    ]);
    expect(payload.tours).toHaveLength(1);
    expect(payload.tours[0]!.tasks.map((t) => t.sequence)).toEqual([0, 1, 2]);
    // The device's own rules accept it: the released tour shows before the server answers.
    const released = await screen.findByRole('listitem', {
      name: 'Tour 1 of Wave 1 · no cut-off · 1 tour',
    });
    expect(within(released).getByText('2 orders · 3 lines · 10 units · 26 m')).toBeInTheDocument();
    expect((await computePendingView(db)).refused).toEqual([]);
    // Pulled rows stay the server's until it answers.
    expect(await db.tours.count()).toBe(0);
    expect((await db.stock.get('L1|SKU-1'))!.reserved).toBe(0);

    // Planning again finds the stock taken: only the line without stock is left to plan.
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    expect(await screen.findByText('1 line: not enough free stock')).toBeInTheDocument();
    expect(screen.getByText('No wave to release.')).toBeInTheDocument();
  });

  it('assigns a released tour to an active picker', async () => {
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    await user.click(await screen.findByRole('button', { name: /^Release Wave 1/ }));
    const label = 'Tour 1 of Wave 1 · no cut-off · 1 tour';
    const picker = await screen.findByRole('combobox', { name: `Picker for ${label}` });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a picker', 'Pat Picker']);
    const assign = screen.getByRole('button', { name: `Assign ${label}` });
    expect(assign).toBeDisabled();
    await user.selectOptions(picker, 'op-pat');
    await user.click(assign);
    const tour = await screen.findByRole('listitem', { name: label });
    expect(await within(tour).findByText('Assigned to Pat Picker')).toBeInTheDocument();
    const [released, assigned] = await db.outbox.orderBy('seq').toArray();
    const tourId = WaveReleasedSchema.parse(released!.payload).tours[0]!.tourId;
    expect(assigned!.type).toBe('tour.assigned');
    expect(TourAssignedSchema.parse(assigned!.payload)).toEqual({ tourId, pickerId: 'op-pat' });
  });

  it('keeps the picker a lead chose when the sync brings the released tour', async () => {
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    await user.click(await screen.findByRole('button', { name: /^Release Wave 1/ }));
    const label = 'Tour 1 of Wave 1 · no cut-off · 1 tour';
    await user.selectOptions(
      await screen.findByRole('combobox', { name: `Picker for ${label}` }),
      'op-pat',
    );
    // The server accepted the release; the pull writes its rows and retires the event in one
    // transaction (renderer/sync/pull.ts). Read apart, the rows and the waiting event updated
    // at different moments, the tour was in neither for a render, and the choice was lost.
    const rows = [...(await computePendingView(db)).changes.values()];
    await db.transaction('rw', db.tables, async () => {
      for (const c of rows) if (c.row) await db.table(ENTITY_TABLES[c.entity]).put(c.row);
      await db.outbox.clear();
    });
    await waitFor(async () => expect(await computePendingView(db)).toEqual(EMPTY_VIEW));
    // Every render since: the tour stayed on screen, with the choice in it.
    const tour = await screen.findByRole('listitem', { name: label });
    expect(within(tour).getByRole('combobox')).toHaveValue('op-pat');
    expect(within(tour).getByRole('button', { name: `Assign ${label}` })).toBeEnabled();
  });

  it('says so when no layout has been synced, and writes nothing', async () => {
    await db.warehouseLayouts.clear();
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No warehouse layout is on this device yet: sync with the server, then plan.',
    );
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows the engines’ refusal of bad data, naming the record', async () => {
    await db.locations.put(location('L9', 9, 5));
    const user = userEvent.setup();
    render(<PlanScreen />);
    await user.click(screen.getByRole('button', { name: 'Plan waves' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Cannot plan: layout main: 1 location outside it: L9 (aisle 9 of 4)',
    );
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('planning a shift from the device', () => {
  beforeEach(seed);

  it('waves lines reserved earlier without reserving them again', async () => {
    // SO-6/1 was allocated before (allocation.committed): 4 at L1, not in a wave.
    await db.backorderLines.put(
      line('SO-6/1', { qtyOrdered: 4, qtyBackordered: 4, qtyAllocated: 4, status: 'allocated' }),
    );
    await db.reservations.put({
      id: 'e1:SO-6/1:L1',
      backorderLineId: 'SO-6/1',
      locationId: 'L1',
      skuId: 'SKU-1',
      qty: 4,
      waveId: null,
    });
    await db.stock.put(stock('L1', 'SKU-1', 10, 4));
    const planned = await planShift(() => crypto.randomUUID());
    if (!planned.ok) throw new Error(planned.reason);
    const [wave] = planned.value.waves;
    const tasks = wave!.payload.tours.flatMap((t) => t.tasks);
    expect(tasks.find((t) => t.backorderLineId === 'SO-6/1')).toMatchObject({
      locationId: 'L1',
      qty: 4,
    });
    expect(wave!.payload.allocation!.map((a) => a.backorderLineId)).not.toContain('SO-6/1');
    // 6 free at L1: SO-1/1 takes 5, SO-2/1 the last 1 (the rest stays backordered).
    expect(tasks.map((t) => [t.backorderLineId, t.qty]).sort()).toEqual([
      ['SO-1/1', 5],
      ['SO-1/2', 2],
      ['SO-2/1', 1],
      ['SO-6/1', 4],
    ]);
    expect(planned.value.left).toEqual([
      { reason: 'no-stock', lines: 2 },
      { reason: 'held', lines: 1 },
    ]);
    // What the lead releases, the device's own rules (as the server's) accept.
    expect((await actOn(db, 'wave.released', wave!.payload, ctx)).ok).toBe(true);
    expect((await computePendingView(db)).refused).toEqual([]);
  });

  it('keeps a ship-complete order out of the waves while any of its lines lacks stock', async () => {
    await db.backorderLines.bulkPut([
      line('SC-1/1', {
        shipComplete: true,
        qtyAllocated: 5,
        status: 'allocated',
        promisedBy: '2026-11-21T10:00:00.000Z',
      }),
      line('SC-1/2', { shipComplete: true, skuId: 'SKU-3' }),
    ]);
    await db.reservations.put({
      id: 'e1:SC-1/1:L1',
      backorderLineId: 'SC-1/1',
      locationId: 'L1',
      skuId: 'SKU-1',
      qty: 5,
      waveId: null,
    });
    await db.stock.put(stock('L1', 'SKU-1', 10, 5));
    const planned = await planShift(() => crypto.randomUUID());
    if (!planned.ok) throw new Error(planned.reason);
    const lines = planned.value.waves.flatMap((w) =>
      w.payload.tours.flatMap((t) => t.tasks.map((k) => k.backorderLineId)),
    );
    expect(lines).not.toContain('SC-1/1');
    expect(planned.value.left).toContainEqual({ reason: 'ship-complete-incomplete', lines: 2 });
  });

  it('refuses more than one layout, naming them', async () => {
    await db.warehouseLayouts.put({ ...LAYOUT, id: 'annex' });
    expect(await planShift(() => crypto.randomUUID())).toEqual({
      ok: false,
      reason: '2 warehouse layouts are on this device (annex, main); planning works on one.',
    });
  });
});
