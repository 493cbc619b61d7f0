import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { act } from '../../../renderer/actions/act';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour, TASKS } from './picker-world';

const ctx = { operatorId: PIA.id, now: () => new Date(), newId: () => crypto.randomUUID() };
const quiet = () => {};

// Pia picked all of Tour 1 on the server's record (its tasks are picked), then, with no network,
// completed it and dropped its totes: both events wait in the outbox.
const pickedOnServer = async () => {
  await db.tours.update('T1', { status: 'picking' });
  for (const t of TASKS) await db.pickTasks.update(t.id, { status: 'picked', pickedQty: t.qty });
};

describe("the picker's home, with a tour finished offline", () => {
  beforeEach(async () => {
    await enrollLocally();
    await seedAssignedTour();
    useAppStore.setState({ operator: PIA });
  });

  it('does not offer a tour whose drop waits in the outbox', async () => {
    await pickedOnServer();
    expect((await act(db, 'tour.completed', { tourId: 'T1' }, ctx, quiet)).ok).toBe(true);
    expect(
      (await act(db, 'totes.dropped', { tourId: 'T1', packStation: 'PACK-1' }, ctx, quiet)).ok,
    ).toBe(true);
    renderAt('/pick');
    await screen.findByRole('heading', { name: 'Picking' });
    await waitFor(() => expect(screen.getByText('None yet.')).toBeInTheDocument());
    expect(screen.queryByRole('link', { name: /Resume|Start|Drop/ })).toBeNull();
  });

  it('offers a tour completed offline for its drop, not to resume', async () => {
    await pickedOnServer();
    expect((await act(db, 'tour.completed', { tourId: 'T1' }, ctx, quiet)).ok).toBe(true);
    renderAt('/pick');
    expect(await screen.findByRole('link', { name: 'Drop Tour 1 of Wave 1' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Resume/ })).toBeNull();
  });
});
