// The device's side of business time: it dates its pending events in the warehouse's zone (from
// the pull) as the server will, and shows the server's word that its clock is ahead.
import { render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncStatus } from '../../../renderer/components/SyncStatus';
import { db } from '../../../renderer/db/db';
import type { SyncApi } from '../../../renderer/sync/api';
import { recordAction } from '../../../renderer/sync/outbox';
import { computePendingView, forgetPendingView } from '../../../renderer/sync/pending-view';
import { pull } from '../../../renderer/sync/pull';
import { push } from '../../../renderer/sync/push';
import { KEYS, readState, writeState } from '../../../renderer/sync/sync-state';
import type { EventEnvelope, EventResult } from '../../../shared/sync-api/push';
import { enrollLocally } from '../fixtures';
import { PIA, seedAssignedTour } from '../picker/picker-world';

// A server that accepts every event, saying the device's clock was `aheadMs` ahead (0: right).
const serverSaying = (aheadMs: number, timeZone?: string): SyncApi => ({
  push: async (events: EventEnvelope[]) => ({
    kind: 'ok',
    value: events.map((e): EventResult => ({
      id: e.id,
      status: 'accepted',
      ...(aheadMs ? { clockAheadMs: aheadMs } : {}),
    })),
  }),
  pull: async () => ({
    kind: 'ok',
    value: { checkpoint: 'c1', hasMore: false, changes: [], ...(timeZone ? { timeZone } : {}) },
  }),
  newEpoch: async () => ({ kind: 'ok', value: crypto.randomUUID() }),
});

const at = (iso: string) => ({
  operatorId: PIA.id,
  now: () => new Date(iso),
  newId: () => crypto.randomUUID(),
});

describe("the device's clock, as the server found it", () => {
  beforeEach(enrollLocally);

  it('shows that the clock is ahead after a push the server clamped, until one it did not', async () => {
    const now = () => new Date('2026-11-25T10:00:00Z');
    render(
      <MemoryRouter>
        <SyncStatus syncNow={() => undefined} />
      </MemoryRouter>,
    );
    await screen.findByTestId('waiting');
    expect(screen.queryByTestId('clock-ahead')).toBeNull();

    const hold = { backorderLineId: 'B1', reason: 'damaged' };
    await recordAction(db, 'backorder-line.held', hold, at('2026-11-25T10:10:00Z'));
    expect(await push(db, serverSaying(10 * 60 * 1000), { now })).toMatchObject({ kind: 'done' });
    expect(await screen.findByTestId('clock-ahead')).toHaveTextContent(
      "This device's clock is 10 minutes ahead: check its time and time zone.",
    );

    await recordAction(db, 'backorder-line.held', hold, at('2026-11-25T10:01:00Z'));
    await push(db, serverSaying(0), { now });
    await waitFor(() => expect(screen.queryByTestId('clock-ahead')).toBeNull());
  });
});

describe('business dates on the device', () => {
  beforeEach(async () => {
    await enrollLocally();
    await seedAssignedTour();
    forgetPendingView(db);
  });

  // 23:30 in New York on the 25th is 04:30 UTC on the 26th.
  const pickAt2330InNewYork = async () => {
    const ctx = at('2026-11-26T04:30:00Z');
    await recordAction(
      db,
      'tote.assigned',
      { tourId: 'T1', toteCode: 'A', slot: 0, orderId: 'O1' },
      ctx,
    );
    await recordAction(
      db,
      'pick.confirmed',
      { pickTaskId: 'K1', qty: 1, toteCode: 'A', expiry: '2026-11-25' },
      ctx,
    );
  };

  it('keeps the zone the server sends with each pull', async () => {
    await pull(db, serverSaying(0, 'America/New_York'), { now: () => new Date() });
    expect(await readState(db, KEYS.timeZone)).toBe('America/New_York');
  });

  it('accepts a pick at 23:30 in New York of an item expiring that day, as the server will', async () => {
    await writeState(db, KEYS.timeZone, 'America/New_York');
    await pickAt2330InNewYork();
    const view = await computePendingView(db);
    expect(view.refused).toEqual([]);
    expect(view.changes.get('pickTask|K1')?.row).toMatchObject({ pickedQty: 1 });
  });

  it('refuses the same pick in a warehouse on UTC (or Tokyo), where it is already the 26th', async () => {
    await pickAt2330InNewYork();
    expect((await computePendingView(db)).refused.map((r) => r.reason)).toEqual([
      'This item expired on 2026-11-25; take another.',
    ]);
    // The zone changed: the kept view is not reused.
    await writeState(db, KEYS.timeZone, 'Asia/Tokyo');
    expect((await computePendingView(db)).refused).toHaveLength(1);
    await writeState(db, KEYS.timeZone, 'America/New_York');
    expect((await computePendingView(db)).refused).toEqual([]);
  });
});
