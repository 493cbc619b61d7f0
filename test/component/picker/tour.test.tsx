import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour } from './picker-world';

const GS = '\u001d';

// Types a code into the screen's manual entry and presses Enter, as a picker with a damaged label.
const enter = async (text: string) => {
  const field = screen.getByLabelText(/Type a code|Tote code/);
  fireEvent.change(field, { target: { value: text } });
  fireEvent.submit(field.closest('form')!);
  await act(async () => {});
};

const outboxTypes = async () => (await db.outbox.orderBy('seq').toArray()).map((e) => e.type);
const lastPayload = async () => (await db.outbox.orderBy('seq').last())!.payload;
const alert = () => screen.getByRole('alert');

describe("the picker's tour", () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seedAssignedTour();
    useAppStore.setState({ operator: PIA, reachable: true });
  });

  it('walks a whole tour: totes, picks with refusals, a case, a GS1 label, skip, undo, short pick, drop', async () => {
    const user = userEvent.setup();
    renderAt('/pick/T1');

    // Totes onto the cart, one per order; a tote twice is refused and writes nothing.
    expect(await screen.findByText('Scan a tote for slot 1 (order O1)')).toBeInTheDocument();
    // The tour by its name, not its id.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Tour 1 of Wave 1');
    expect(screen.queryByText('T1')).not.toBeInTheDocument();
    await enter('TOTE-A');
    expect(await screen.findByText('Scan a tote for slot 2 (order O2)')).toBeInTheDocument();
    await enter('tote-a');
    expect(alert()).toHaveTextContent('Tote tote-a is already in slot 1.');
    expect(await outboxTypes()).toEqual(['tote.assigned']);
    await enter('TOTE-B');

    // K1 at A1-01: wrong location, then the right one; a wrong item; two eaches; wrong tote.
    expect(await screen.findByText('A1-01')).toBeInTheDocument();
    expect(screen.getByText('3 tasks left · next aisle 2')).toBeInTheDocument();
    await enter('A9-99');
    expect(alert()).toHaveTextContent('Wrong location: A9-99. Go to A1-01.');
    await enter('A1-01');
    expect(screen.getByText('Scan the item')).toBeInTheDocument();
    await enter('4006381333931');
    expect(alert()).toHaveTextContent('Wrong item: 4006381333931 is not WIDGET (Blue widget).');
    await enter('09501101020917');
    expect(screen.getByTestId('counted')).toHaveTextContent('1');
    await enter('09501101020917');
    await enter('TOTE-B');
    expect(alert()).toHaveTextContent('Wrong tote: TOTE-B. Put WIDGET in tote TOTE-A (slot 1).');
    expect(await outboxTypes()).toEqual(['tote.assigned', 'tote.assigned']);
    await enter('TOTE-A');
    await waitFor(async () =>
      expect(await lastPayload()).toEqual({
        pickTaskId: 'K1',
        qty: 2,
        toteCode: 'TOTE-A',
        entry: 'typed',
      }),
    );

    // K2 at A2-05: one case scan is six; then the pick is undone and K2 is back.
    expect(await screen.findByText('A2-05')).toBeInTheDocument();
    await enter('A2-05');
    await enter('CASE-BOLT');
    expect(screen.getByTestId('counted')).toHaveTextContent('6');
    await enter('CASE-BOLT');
    expect(alert()).toHaveTextContent('That makes 12; only 6 are asked for.');
    await enter('TOTE-B');
    await waitFor(async () =>
      expect(await lastPayload()).toMatchObject({ pickTaskId: 'K2', qty: 6 }),
    );
    const k2 = (await db.outbox.orderBy('seq').last())!;
    expect(await screen.findByText('A3-02')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Undo last pick (6 × BOLT)' }));
    await waitFor(async () => expect(await lastPayload()).toEqual({ pickId: k2.id }));
    expect(await screen.findByText('A2-05')).toBeInTheDocument();

    // Skip K2 for now; K3 is short: one found (into its order's tote), the bin was damaged.
    await user.click(screen.getByRole('button', { name: 'Skip for now' }));
    expect(await screen.findByText('A3-02')).toBeInTheDocument();
    expect(screen.getByText('2 tasks left · next aisle 2')).toBeInTheDocument();
    await enter('A3-02');
    await user.click(screen.getByRole('button', { name: 'Short pick' }));
    const found = screen.getByLabelText('Found');
    await user.clear(found);
    await user.type(found, '3');
    expect(alert()).toHaveTextContent('Found 3 of 3 is not short.');
    await user.clear(found);
    await user.type(found, '1');
    await user.click(screen.getByLabelText('Damaged'));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Report short' }));
    await waitFor(async () =>
      expect(await lastPayload()).toEqual({
        pickTaskId: 'K3',
        foundQty: 1,
        reason: 'damaged',
        toteCode: 'TOTE-A',
      }),
    );

    // Back to K2: an expired GS1 label is refused with its date; a good one carries lot and expiry,
    // and its AI 37 count of 6 eaches.
    expect(await screen.findByText('A2-05')).toBeInTheDocument();
    await enter('A2-05');
    await enter(`]C10104006381333931172001011`);
    expect(alert()).toHaveTextContent(/Unreadable label|Expired/);
    await enter(`]C1010400638133393117200131`);
    expect(alert()).toHaveTextContent('Expired on 2020-01-31: do not pick this item.');
    await enter(`]C10104006381333931173012311` + `0LOT7${GS}376`);
    expect(screen.getByTestId('counted')).toHaveTextContent('6');
    await enter('TOTE-B');
    await waitFor(async () =>
      expect(await lastPayload()).toEqual({
        pickTaskId: 'K2',
        qty: 6,
        toteCode: 'TOTE-B',
        lot: 'LOT7',
        expiry: '2030-12-31',
        entry: 'typed',
      }),
    );

    // The end: a summary, then the drop at a pack station.
    expect(await screen.findByText('Tour done')).toBeInTheDocument();
    expect(screen.getByTestId('summary-picked')).toHaveTextContent('2');
    expect(screen.getByTestId('summary-short')).toHaveTextContent('1');
    expect(screen.getByTestId('summary-skipped')).toHaveTextContent('1');
    await user.type(screen.getByLabelText('Pack station'), 'PACK-1');
    await user.click(screen.getByRole('button', { name: 'Drop at pack station' }));
    // Said as the message and by the tour's end panel, once the view shows the drop.
    expect((await screen.findAllByText('Totes dropped at PACK-1.')).length).toBeGreaterThan(0);
    expect(await outboxTypes()).toEqual([
      'tote.assigned',
      'tote.assigned',
      'pick.confirmed',
      'pick.confirmed',
      'pick.undone',
      'short-pick.reported',
      'pick.confirmed',
      'tour.completed',
      'totes.dropped',
    ]);
  });

  it('takes a scanner burst typed anywhere on the screen, with no field focused', async () => {
    renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    (document.activeElement as HTMLElement | null)?.blur();
    act(() => {
      for (const key of [...'TOTE-A', 'Enter'])
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    expect(await screen.findByText('Scan a tote for slot 2 (order O2)')).toBeInTheDocument();
    expect(await lastPayload()).toEqual({
      tourId: 'T1',
      toteCode: 'TOTE-A',
      slot: 0,
      orderId: 'O1',
    });
  });

  it("says the device's own refusal of a pick, writes nothing and never says Picked", async () => {
    // The stock reserved for K1 went elsewhere (another lead's re-plan, pulled): the device's rule
    // for pick.confirmed refuses it, so the screen must not announce it.
    await db.reservations.delete('R-K1');
    renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    await enter('TOTE-A');
    await screen.findByText('Scan a tote for slot 2 (order O2)');
    await enter('TOTE-B');
    await screen.findByText('A1-01');
    await enter('A1-01');
    await enter('09501101020917');
    await enter('TOTE-A');
    await waitFor(() =>
      expect(alert()).toHaveTextContent('Only 0 of this line are reserved at A1-01.'),
    );
    expect(screen.queryByText(/Picked/)).not.toBeInTheDocument();
    expect(await outboxTypes()).toEqual(['tote.assigned', 'tote.assigned']);
    // The task is still in hand: the picker can report it short.
    expect(screen.getByText('A1-01')).toBeInTheDocument();
  });

  it('finds the item by the SKU code shown on screen, typed, and records the pick as typed', async () => {
    renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    await enter('TOTE-A');
    await screen.findByText('Scan a tote for slot 2 (order O2)');
    await enter('TOTE-B');
    await screen.findByText('A1-01');
    await enter('A1-01');
    await enter('widget');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('counted')).toHaveTextContent('1');
    await enter('WIDGET');
    await enter('TOTE-A');
    await waitFor(async () =>
      expect(await lastPayload()).toEqual({
        pickTaskId: 'K1',
        qty: 2,
        toteCode: 'TOTE-A',
        entry: 'typed',
      }),
    );
    expect(await screen.findByText('Picked 2 × WIDGET into tote TOTE-A.')).toBeInTheDocument();
  });

  it('records an item scanned with no field focused as scanned', async () => {
    renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    (document.activeElement as HTMLElement | null)?.blur();
    const burst = async (text: string) => {
      act(() => {
        for (const key of [...text, 'Enter'])
          window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      });
      await act(async () => {});
    };
    await burst('TOTE-A');
    await screen.findByText('Scan a tote for slot 2 (order O2)');
    await burst('TOTE-B');
    await screen.findByText('A1-01');
    await burst('A1-01');
    await burst('09501101020917');
    await burst('09501101020917');
    await burst('TOTE-A');
    await waitFor(async () =>
      expect(await lastPayload()).toEqual({
        pickTaskId: 'K1',
        qty: 2,
        toteCode: 'TOTE-A',
        entry: 'scan',
      }),
    );
  });

  it("takes a scan at the tour's end as the pack station, never dropping it unsaid", async () => {
    await db.tours.update('T1', { status: 'picking' });
    for (const id of ['K1', 'K2', 'K3']) await db.pickTasks.update(id, { status: 'picked' });
    for (const [slot, orderId] of ['O1', 'O2'].entries())
      await db.totes.put({
        id: `T1|TOTE-${slot}`,
        tourId: 'T1',
        toteCode: `TOTE-${slot}`,
        slot,
        orderId,
        status: 'picking',
        packStation: null,
      });
    renderAt('/pick/T1');
    expect(await screen.findByText('Tour done')).toBeInTheDocument();
    (document.activeElement as HTMLElement | null)?.blur();
    act(() => {
      for (const key of [...'PACK-9', 'Enter'])
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    expect((await screen.findAllByText('Totes dropped at PACK-9.')).length).toBeGreaterThan(0);
    expect(await outboxTypes()).toEqual(['tour.completed', 'totes.dropped']);
    // Dropped: a further scan has nothing to do, and the picker is told.
    act(() => {
      for (const key of [...'PACK-2', 'Enter'])
        window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await waitFor(() =>
      expect(alert()).toHaveTextContent('Nothing on this tour waits for a scan now'),
    );
    expect(await db.outbox.count()).toBe(2);
  });

  it('comes back to the same task and step after a reload', async () => {
    const first = renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    await enter('TOTE-A');
    await screen.findByText('Scan a tote for slot 2 (order O2)');
    await enter('TOTE-B');
    await screen.findByText('A1-01');
    await enter('A1-01');
    await enter('09501101020917');
    first.unmount();
    renderAt('/pick/T1');
    expect(await screen.findByText('A1-01')).toBeInTheDocument();
    expect(screen.getByText('Scan more, or the tote')).toBeInTheDocument();
    expect(screen.getByTestId('counted')).toHaveTextContent('1');
  });

  it('will not walk a tour the server has not given to this picker', async () => {
    await db.tours.update('T1', { status: 'released', pickerId: null });
    renderAt('/pick/T1');
    expect(await screen.findByText(/This tour is not yours yet/)).toBeInTheDocument();
    expect(screen.queryByText(/Scan a tote/)).not.toBeInTheDocument();
  });
});
