// A line cancelled in the OMS reaches the picker at the next pull: the task leaves the tour (or
// shrinks) with a notice in people's words, the reason told apart, until the picker dismisses it.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { KEYS, writeState } from '../../../renderer/sync/sync-state';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour } from './picker-world';

const enter = async (text: string) => {
  const field = screen.getByLabelText(/Type a code|Tote code/);
  fireEvent.change(field, { target: { value: text } });
  fireEvent.submit(field.closest('form')!);
  await act(async () => {});
};

// What a pull writes: the server's rows after its rule ran, and a new checkpoint.
const pulled = async (write: () => Promise<unknown>) => {
  await db.transaction('rw', db.tables, write);
  await writeState(db, KEYS.checkpoint, crypto.randomUUID());
};

const notices = () =>
  within(screen.getByRole('region', { name: 'Changes to your tour' }))
    .getAllByRole('status')
    .map((n) => n.textContent);

describe('work taken off the tour by a pull', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seedAssignedTour();
    useAppStore.setState({ operator: PIA, reachable: true, walks: {} });
  });

  it('tells the picker what the customer cancelled and what a short elsewhere took, and moves on', async () => {
    const user = userEvent.setup();
    renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    await enter('TOTE-A');
    await screen.findByText('Scan a tote for slot 2 (order O2)');
    await enter('TOTE-B');
    expect(await screen.findByText('A1-01')).toBeInTheDocument();
    expect(screen.getByText('3 tasks left · next aisle 2')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Changes to your tour' })).toBeNull();

    // The customer cancels line 1 of O1 (the task in hand): it leaves the tour, and the next
    // task is on screen.
    await pulled(async () => {
      await db.pickTasks.update('K1', { status: 'cancelled' });
      await db.backorderLines.update('O1/K1', {
        qtyCancelled: 2,
        qtyAllocated: 0,
        status: 'cancelled',
      });
      await db.reservations.delete('R-K1');
    });
    expect(await screen.findByText('A2-05')).toBeInTheDocument();
    expect(screen.getByText('2 tasks left · next aisle 3')).toBeInTheDocument();
    await waitFor(() =>
      expect(notices()).toEqual([
        'Line 1 of order O1 was cancelled by the customer: its pick at A1-01 is off your tour. Got it',
      ]),
    );

    // Two of line 2's six are cancelled: the pick asks for 4.
    await pulled(async () => {
      await db.pickTasks.update('K2', { qty: 4 });
      await db.backorderLines.update('O2/K2', { qtyCancelled: 2, qtyAllocated: 4 });
    });
    await waitFor(() => expect(screen.getByTestId('task-K2')).toHaveTextContent('0 of 4'));
    // A short pick elsewhere at A3-02 released line 3's stock: not the customer.
    await pulled(async () => {
      await db.pickTasks.update('K3', { status: 'cancelled' });
      await db.backorderLines.update('O1/K3', { qtyAllocated: 0, status: 'open' });
    });
    await waitFor(() =>
      expect(notices()).toEqual([
        'Line 1 of order O1 was cancelled by the customer: its pick at A1-01 is off your tour. Got it',
        'Line 2 of order O2 was partly cancelled by the customer: its pick at A2-05 is now 4 instead of 6. Got it',
        'The pick at A3-02 for line 3 of order O1 is off your tour: the stock there was reported short. Got it',
      ]),
    );
    expect(screen.getByText('1 task left')).toBeInTheDocument();

    // Dismissed, a notice is gone; the others stay through a reload, and nothing is told twice.
    const first = screen.getAllByRole('status').find((n) => n.textContent?.startsWith('Line 1'))!;
    await user.click(within(first).getByRole('button', { name: 'Got it' }));
    await waitFor(() => expect(notices()).toHaveLength(2));
    cleanup();
    useAppStore.setState({ walks: {} });
    renderAt('/pick/T1');
    expect(await screen.findByText('A2-05')).toBeInTheDocument();
    await waitFor(() => expect(notices()).toHaveLength(2));
    expect(notices()[0]).toMatch(/^Line 2 of order O2 was partly cancelled/);
  });

  it('says nothing per task when the lead cancels the whole tour', async () => {
    renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    await pulled(async () => {
      await db.tours.update('T1', { status: 'cancelled' });
      for (const id of ['K1', 'K2', 'K3']) await db.pickTasks.update(id, { status: 'cancelled' });
    });
    expect(await screen.findByText('The lead cancelled this tour.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Changes to your tour' })).toBeNull();
  });
});
