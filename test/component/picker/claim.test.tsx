import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Tour } from '../../../shared/domain/tour';
import { db } from '../../../renderer/db/db';
import { claimNextTour } from '../../../renderer/picking/claim';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour } from './picker-world';

const ctx = { operatorId: PIA.id, now: () => new Date(), newId: () => crypto.randomUUID() };
const released = (id: string, sequence: number): Tour => ({
  id,
  waveId: 'WV1',
  sequence,
  status: 'released',
  pickerId: null,
  routeLengthM: 30,
});

// Stands in for the sync loop and the server: answers each waiting claim as told.
const serverAnswers = (winner: (tourId: string) => boolean) => async () => {
  for (const e of await db.outbox.toArray()) {
    const { tourId } = e.payload as { tourId: string };
    await db.outbox.delete(e.localId!);
    if (winner(tourId)) await db.tours.update(tourId, { status: 'claimed', pickerId: PIA.id });
    else
      await db.rejected.put({
        id: e.id,
        type: e.type,
        operatorId: e.operatorId,
        at: e.at,
        payload: e.payload,
        code: 'tour_taken',
        message: 'Tour is held by someone else.',
        answeredAt: new Date().toISOString(),
      });
  }
};

describe('next tour', () => {
  beforeEach(async () => {
    await enrollLocally();
    await seedAssignedTour(null);
  });

  it('offline, is not even tried: assigned tours only, and nothing is written', async () => {
    const claimed = await claimNextTour([released('T1', 0)], ctx, { online: false });
    expect(claimed).toEqual({
      ok: false,
      reason:
        'No network: a new tour needs the server to say it is yours. You can start tours a lead assigned to you.',
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('offers the next tour to a picker who lost the first, and says so', async () => {
    await db.tours.put(released('T2', 1));
    const claimed = await claimNextTour([released('T1', 0), released('T2', 1)], ctx, {
      online: true,
      sleep: serverAnswers((tourId) => tourId === 'T2'),
      pollMs: 1,
    });
    expect(claimed).toEqual({ ok: true, value: { tourId: 'T2', lost: ['T1'] } });
    // The lost claim was told to the picker, not left on the sync problems screen.
    expect(await db.rejected.count()).toBe(0);
  });

  it('with no answer in time, says the claim waits for the network', async () => {
    let clock = Date.parse('2026-11-25T08:00:00Z');
    const claimed = await claimNextTour(
      [released('T1', 0)],
      { ...ctx, now: () => new Date(clock) },
      { online: true, waitMs: 1000, sleep: async (ms) => void (clock += ms) },
    );
    expect(claimed.ok).toBe(false);
    expect(!claimed.ok && claimed.reason).toMatch(/^No answer from the server about tour T1\./);
    // Named as people know it, where the screen knows the name.
    const named = await claimNextTour(
      [released('T1', 0)],
      { ...ctx, now: () => new Date(clock) },
      {
        online: true,
        waitMs: 1000,
        sleep: async (ms) => void (clock += ms),
        names: new Map([['T1', 'Tour 1 of Wave 1']]),
      },
    );
    expect(!named.ok && named.reason).toMatch(
      /^No answer from the server about Tour 1 of Wave 1\./,
    );
    expect(await db.outbox.count()).toBe(2);
  });

  it('the screen: offline it says so and the button waits for the network', async () => {
    useAppStore.setState({ operator: PIA, reachable: false });
    renderAt('/pick');
    expect(
      await screen.findByText('No network: you can start only tours a lead assigned to you.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Next tour/ })).toBeDisabled();
  });

  it('the screen: lists a tour a lead assigned to this picker', async () => {
    await db.tours.update('T1', { status: 'assigned', pickerId: PIA.id });
    useAppStore.setState({ operator: PIA, reachable: false });
    renderAt('/pick');
    expect(await screen.findByRole('link', { name: 'Start Tour 1 of Wave 1' })).toBeInTheDocument();
    expect(screen.getByText(/assigned by the lead/)).toBeInTheDocument();
  });
});
