import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Location } from '../../../shared/domain/location';
import type { EventEnvelope, EventResult } from '../../../shared/sync-api/push';
import {
  AllocationCommittedSchema,
  FloorSettingsChangedSchema,
} from '../../../shared/sync-api/events/lead';
import { db } from '../../../renderer/db/db';
import { AllocateScreen } from '../../../renderer/screens/lead/AllocateScreen';
import type { SyncApi } from '../../../renderer/sync/api';
import { push } from '../../../renderer/sync/push';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, line } from '../fixtures';

// One aisle; SKU-1 (5 free) and SKU-2 (3 free) at L1, SKU-3 has none.
const LAYOUT = {
  id: 'main',
  name: 'Main floor',
  aisleCount: 2,
  aisleLengthM: 20,
  aisleSpacingM: 3,
  crossAislesM: [0, 20],
  depotAisle: 1,
  depotCrossAisleM: 0,
};
const location = (id: string, code: string): Location => ({
  id,
  code,
  zone: 'Z1',
  aisle: 1,
  positionM: 5,
  level: 0,
  side: 'left',
  countRequired: false,
});
const sku = (id: string, code: string) => ({
  id,
  sku: code,
  description: '',
  unit: 'each',
  weightKg: 1,
  volumeL: 1,
  barcodes: [],
});
const stock = (skuId: string, onHand: number) => ({
  id: `L1|${skuId}`,
  locationId: 'L1',
  skuId,
  onHand,
  reserved: 0,
});

// SO-1 (tier 3, promised on the 22nd) and SO-2 (tier 1, promised on the 30th) both want the
// 5 units of SKU-1: by promise date SO-1 gets them, by customer tier SO-2.
const seed = async () => {
  await db.warehouseLayouts.put(LAYOUT);
  await db.locations.put(location('L1', 'A-01'));
  await db.skus.bulkPut([sku('SKU-1', 'BOLT-10'), sku('SKU-2', 'NUT-10'), sku('SKU-3', 'WASHER')]);
  await db.stock.bulkPut([stock('SKU-1', 5), stock('SKU-2', 3)]);
  await db.backorderLines.bulkPut([
    line('SO-1/1', { skuId: 'SKU-1', customerTier: 3, promisedBy: '2026-11-22T10:00:00.000Z' }),
    line('SO-2/1', { skuId: 'SKU-1', customerTier: 1, promisedBy: '2026-11-30T10:00:00.000Z' }),
  ]);
  await db.operators.put({
    id: 'op-lee',
    badge: 'LE001',
    name: 'Lee Lead',
    role: 'lead',
    active: true,
  });
};

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

const ruleNames = () =>
  within(screen.getByRole('list', { name: 'Priority rules' }))
    .getAllByRole('listitem')
    .map((li) => li.getAttribute('aria-label'));

const open = async (user: ReturnType<typeof userEvent.setup>, count: string, table: string) => {
  await user.click(await screen.findByRole('button', { name: count }));
  return screen.getByRole('table', { name: table });
};

describe('the allocate screen', () => {
  beforeEach(async () => {
    await seed();
    useAppStore.setState({ operator: { id: 'op-lee', name: 'Lee Lead', role: 'lead' } });
  });

  it('gives the scarce stock to the other customer when the lead puts customer tier first', async () => {
    const user = userEvent.setup();
    render(<AllocateScreen />);
    expect(await screen.findByRole('list', { name: 'Priority rules' })).toBeInTheDocument();
    expect(ruleNames()).toEqual([
      'Promise date, soonest first',
      'Customer tier, tier 1 first',
      'Order date, oldest first',
      'Order number',
      'Ship-complete orders first',
      "Oldest backorder first (the order's age)",
    ]);

    await user.click(screen.getByRole('button', { name: 'Preview' }));
    let filled = await open(user, 'Filled: 1 line', 'Filled lines');
    expect(rows(filled)).toEqual([
      ['line 1 of order SO-1', 'BOLT-10', '5', '3', '2026-11-22', 'filled from A-01'],
    ]);
    const left = await open(user, 'Left: 1 line', 'Left lines');
    expect(rows(left)).toEqual([
      ['line 1 of order SO-2', 'BOLT-10', '5', '1', '2026-11-30', 'not enough free stock: 0 of 5'],
    ]);

    // By keyboard: focus "Move customer tier up" and press Enter; focus stays on the rule.
    screen.getByRole('button', { name: 'Move Customer tier, tier 1 first up' }).focus();
    await user.keyboard('{Enter}');
    expect(ruleNames().slice(0, 2)).toEqual([
      'Customer tier, tier 1 first',
      'Promise date, soonest first',
    ]);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Move Customer tier, tier 1 first down' }),
    );
    // The old preview is gone: it no longer says what Commit would write.
    expect(screen.queryByRole('table')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Preview' }));
    filled = await open(user, 'Filled: 1 line', 'Filled lines');
    expect(rows(filled)[0]!.slice(0, 4)).toEqual(['line 1 of order SO-2', 'BOLT-10', '5', '1']);
    expect(await db.outbox.count()).toBe(0);
  });

  it('says a ship-complete order cannot be filled whole, and counts a partly filled line', async () => {
    await db.backorderLines.bulkPut([
      line('SO-3/1', {
        skuId: 'SKU-2',
        qtyOrdered: 2,
        qtyBackordered: 2,
        shipComplete: true,
        orderedAt: '2026-11-01T10:00:00.000Z',
      }),
      line('SO-3/2', { skuId: 'SKU-3', qtyOrdered: 1, qtyBackordered: 1, shipComplete: true }),
      line('SO-4/1', { skuId: 'SKU-2', qtyOrdered: 8, qtyBackordered: 8 }),
      line('SO-5/1', { skuId: 'SKU-2', status: 'held' }),
    ]);
    const user = userEvent.setup();
    render(<AllocateScreen />);
    await user.click(await screen.findByRole('button', { name: 'Preview' }));
    const left = await open(user, 'Left: 4 lines', 'Left lines');
    expect(rows(left).map((r) => [r[0], r[5]])).toEqual([
      ['line 1 of order SO-2', 'not enough free stock: 0 of 5'],
      ['line 1 of order SO-3', 'ship-complete order SO-3 cannot be filled whole'],
      ['line 2 of order SO-3', 'ship-complete order SO-3 cannot be filled whole'],
      ['line 1 of order SO-5', 'on hold'],
    ]);
    // The 3 units of SKU-2 the ship-complete order could not use go to SO-4.
    const partly = await open(user, 'Partly filled: 1 line', 'Partly filled lines');
    expect(rows(partly)).toEqual([
      [
        'line 1 of order SO-4',
        'NUT-10',
        '3 of 8',
        '2',
        '2026-11-28',
        'not enough free stock: 3 of 8',
      ],
    ]);
  });

  it('saves the rules as one event every station reads, shown at once', async () => {
    const user = userEvent.setup();
    const first = render(<AllocateScreen />);
    const save = await screen.findByRole('button', { name: 'Save rules' });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Move Ship-complete orders first up' }));
    await user.click(screen.getByRole('checkbox', { name: 'Order date, oldest first' }));
    await user.click(save);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Rules saved: every station allocates by them.',
    );
    const events = await db.outbox.toArray();
    expect(events.map((e) => [e.type, e.operatorId])).toEqual([
      ['floor-settings.changed', 'op-lee'],
    ]);
    expect(FloorSettingsChangedSchema.parse(events[0]!.payload)).toEqual({
      priorityRules: [
        { rule: 'promise-date', on: true },
        { rule: 'customer-tier', on: true },
        { rule: 'order-date', on: false },
        { rule: 'ship-complete-first', on: true },
        { rule: 'order-id', on: true },
        { rule: 'oldest-backorder', on: true },
      ],
    });
    await waitFor(() => expect(save).toBeDisabled());
    // Offline: another visit reads the saved order through the waiting event.
    first.unmount();
    render(<AllocateScreen />);
    await screen.findByRole('list', { name: 'Priority rules' });
    expect(ruleNames()[3]).toBe('Ship-complete orders first');
    expect(screen.getByRole('checkbox', { name: 'Order date, oldest first' })).not.toBeChecked();
  });

  it('commits the preview, then lists a line the server refused with its reason', async () => {
    await enrollLocally();
    await db.backorderLines.put(
      line('SO-6/1', { skuId: 'SKU-2', qtyOrdered: 3, qtyBackordered: 3 }),
    );
    const user = userEvent.setup();
    render(<AllocateScreen />);
    await user.click(await screen.findByRole('button', { name: 'Preview' }));
    await user.click(await screen.findByRole('button', { name: 'Commit 2 lines' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '2 lines committed in 1 event. Preview again to see what is left.',
    );
    const [event] = await db.outbox.toArray();
    expect(event!.type).toBe('allocation.committed');
    expect(AllocationCommittedSchema.parse(event!.payload).lines).toEqual([
      { backorderLineId: 'SO-1/1', reservations: [{ locationId: 'L1', qty: 5 }] },
      { backorderLineId: 'SO-6/1', reservations: [{ locationId: 'L1', qty: 3 }] },
    ]);

    // Meanwhile another lead's release took the nuts: the server applies SO-1/1 and refuses SO-6/1.
    const message = 'Only 0 of NUT-10 are free at A-01; line 1 of order SO-6 needs 3.';
    const partlyRefusing: SyncApi = {
      push: async (events: EventEnvelope[]) => ({
        kind: 'ok',
        value: events.map((e): EventResult => ({
          id: e.id,
          status: 'accepted',
          refused: [{ subject: 'SO-6/1', code: 'stock-gone', message }],
        })),
      }),
      pull: async () => ({ kind: 'ok', value: { checkpoint: 'c1', hasMore: false, changes: [] } }),
      newEpoch: async () => ({ kind: 'ok', value: crypto.randomUUID() }),
    };
    await push(db, partlyRefusing, { now: () => new Date() });
    const refused = await screen.findByRole('region', { name: 'Lines the server refused' });
    expect(within(refused).getByText(message, { exact: false })).toBeInTheDocument();
    expect(await db.rejected.get(`${event!.id}:SO-6/1`)).toMatchObject({
      type: 'allocation.committed',
      code: 'stock-gone',
      payload: { backorderLineId: 'SO-6/1' },
    });

    // The pull brings the server's rows (SO-1/1 allocated, the nuts reserved by the other
    // release) and retires the event; previewing again from the notice shows SO-6/1 left.
    await db.transaction('rw', db.tables, async () => {
      await db.stock.bulkPut([
        { ...stock('SKU-1', 5), reserved: 5 },
        { ...stock('SKU-2', 3), reserved: 3 },
      ]);
      await db.backorderLines.put(
        line('SO-1/1', {
          skuId: 'SKU-1',
          customerTier: 3,
          promisedBy: '2026-11-22T10:00:00.000Z',
          qtyAllocated: 5,
          status: 'allocated',
        }),
      );
      await db.outbox.clear();
    });
    await user.click(within(refused).getByRole('button', { name: 'Preview again' }));
    const left = await open(user, 'Left: 2 lines', 'Left lines');
    expect(rows(left).map((r) => [r[0], r[5]])).toEqual([
      ['line 1 of order SO-2', 'not enough free stock: 0 of 5'],
      ['line 1 of order SO-6', 'not enough free stock: 0 of 3'],
    ]);
    await user.click(within(refused).getByRole('button', { name: 'Got it' }));
    await expect
      .poll(() => screen.queryByRole('region', { name: 'Lines the server refused' }))
      .toBeNull();
  });
});
