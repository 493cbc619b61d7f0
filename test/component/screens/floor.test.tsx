import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_FLOOR_SETTINGS } from '../../../shared/domain/floor-settings';
import type { Tour } from '../../../shared/domain/tour';
import { db } from '../../../renderer/db/db';
import { claimNextTour } from '../../../renderer/picking/claim';
import { FloorScreen } from '../../../renderer/screens/lead/FloorScreen';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour } from '../picker/picker-world';

// Wave 1 on the floor: tour 1 (three tasks, 40 m) and tour 2 (one task, 20 m), pickers Pia and
// Bo, lead Lee. The log has what happened on tour 1 since 08:05.
const LEE = { id: 'op-lee', name: 'Lee Lead', role: 'lead' as const };
const at = (hhmm: string) => `2026-11-25T${hhmm}:00.000Z`;
const clockAt = (hhmm: string) => () => new Date(at(hhmm));

const seedFloor = async (
  t1: Partial<Tour>,
  events: { type: string; at: string; payload: unknown }[] = [],
) => {
  await seedAssignedTour(PIA.id);
  await db.tours.update('T1', t1);
  await db.tours.put({
    id: 'T2',
    waveId: 'WV1',
    sequence: 1,
    status: 'released',
    pickerId: null,
    routeLengthM: 20,
  });
  await db.pickTasks.put({
    id: 'K9',
    tourId: 'T2',
    waveId: 'WV1',
    backorderLineId: 'O9/K9',
    orderId: 'O9',
    locationId: 'L1',
    skuId: 'S1',
    qty: 1,
    sequence: 0,
    toteSlot: 0,
    status: 'open',
    pickedQty: 0,
    shortQty: 0,
  });
  await db.operators.bulkPut(
    [
      [PIA.id, 'Pia Picker', 'picker'],
      ['op-bo', 'Bo Picker', 'picker'],
      [LEE.id, 'Lee Lead', 'lead'],
    ].map(([id, name, role]) => ({
      id: id!,
      badge: id!,
      name: name!,
      role: role as 'picker',
      active: true,
    })),
  );
  await db.events.bulkPut(
    events.map((e, i) => ({
      id: `ev-${i}`,
      source: 'device' as const,
      deviceId: 'd1',
      operatorId: PIA.id,
      receivedAt: e.at,
      ...e,
    })),
  );
};

const pickedK1 = async () => db.pickTasks.update('K1', { status: 'picked', pickedQty: 2 });

const showFloor = (clock = clockAt('08:30')) =>
  render(
    <MemoryRouter>
      <FloorScreen clock={clock} />
    </MemoryRouter>,
  );

describe('the floor', () => {
  beforeEach(() => {
    useAppStore.setState({ operator: LEE });
  });
  afterEach(() => vi.restoreAllMocks());

  it('flags a tour with no progress for the stall minutes, by the injected clock', async () => {
    await seedFloor({ status: 'picking' }, [
      { type: 'tour.claimed', at: at('08:05'), payload: { tourId: 'T1' } },
      {
        type: 'pick.confirmed',
        at: at('08:16'),
        payload: { pickTaskId: 'K1', qty: 2, toteCode: 'A' },
      },
    ]);
    await pickedK1();
    showFloor(clockAt('08:30'));
    const tour = await screen.findByRole('listitem', { name: 'Tour 1 of Wave 1' });
    expect(within(tour).getByText('Picking by Pia Picker — 1 of 3 tasks')).toBeInTheDocument();
    expect(within(tour).getByRole('status')).toHaveTextContent('No progress for 14 min');
    // The wave and the picker add it up: 1 of 4 tasks, 25 min walked of 5 min expected
    // (40 m + 20 m at 50 m/min, 4 tasks at 60 an hour), one tour stalled.
    const wave = screen.getByRole('article', { name: 'Wave 1' });
    expect(
      within(wave).getByText(/1 of 4 tasks · 0 shorts · 25 min of 5 min expected · 1 stalled/),
    ).toBeInTheDocument();
    const pia = screen.getByRole('row', { name: 'Pia Picker' });
    expect(pia).toHaveTextContent('Tour 1 of Wave 1');
    expect(pia).toHaveTextContent('1 of 3 tasks · 0 shorts · 25 min of 4 min expected · 1 stalled');
  });

  it('does not flag it while the picker is still within the stall minutes', async () => {
    await seedFloor({ status: 'picking' }, [
      {
        type: 'pick.confirmed',
        at: at('08:16'),
        payload: { pickTaskId: 'K1', qty: 2, toteCode: 'A' },
      },
    ]);
    await pickedK1();
    showFloor(clockAt('08:25'));
    const tour = await screen.findByRole('listitem', { name: 'Tour 1 of Wave 1' });
    expect(within(tour).getByText('Picking by Pia Picker — 1 of 3 tasks')).toBeInTheDocument();
    expect(within(tour).queryByText(/No progress/)).not.toBeInTheDocument();
  });

  it('flags by the lead’s stall minutes once the floor settings are synced', async () => {
    await seedFloor({ status: 'picking' }, [
      {
        type: 'pick.confirmed',
        at: at('08:16'),
        payload: { pickTaskId: 'K1', qty: 2, toteCode: 'A' },
      },
    ]);
    await db.floorSettings.put({ ...DEFAULT_FLOOR_SETTINGS, stallMinutes: 20 });
    showFloor(clockAt('08:30'));
    expect(
      await screen.findByText(/A tour with no progress for 20 min is flagged/),
    ).toBeInTheDocument();
    const tour = screen.getByRole('listitem', { name: 'Tour 1 of Wave 1' });
    expect(within(tour).queryByText(/No progress/)).not.toBeInTheDocument();
  });

  it('shows every tour in its real state, claimed ones included, with the actions that fit', async () => {
    await seedFloor({ status: 'claimed' });
    showFloor();
    const t1 = await screen.findByRole('listitem', { name: 'Tour 1 of Wave 1' });
    expect(within(t1).getByText('Claimed by Pia Picker')).toBeInTheDocument();
    expect(within(t1).getByRole('button', { name: 'Take back Tour 1 of Wave 1' })).toBeEnabled();
    const t2 = screen.getByRole('listitem', { name: 'Tour 2 of Wave 1' });
    expect(within(t2).getByText('Waiting for a picker')).toBeInTheDocument();
    expect(within(t2).getByRole('button', { name: 'Assign Tour 2 of Wave 1' })).toBeInTheDocument();
    // A claimed tour keeps its wave from being cancelled.
    expect(screen.queryByRole('button', { name: 'Cancel Wave 1' })).not.toBeInTheDocument();
  });

  it('takes a tour back: tour.unassigned in the outbox, and the tour waits for a picker at once', async () => {
    await seedFloor({ status: 'claimed' });
    const user = userEvent.setup();
    showFloor();
    await user.click(await screen.findByRole('button', { name: 'Take back Tour 1 of Wave 1' }));
    const t1 = screen.getByRole('listitem', { name: 'Tour 1 of Wave 1' });
    expect(await within(t1).findByText('Waiting for a picker')).toBeInTheDocument();
    const events = await db.outbox.toArray();
    expect(events.map((e) => [e.type, e.operatorId, e.payload])).toEqual([
      ['tour.unassigned', LEE.id, { tourId: 'T1' }],
    ]);
    // The pulled row stays the server's until it answers.
    expect(await db.tours.get('T1')).toMatchObject({ status: 'claimed', pickerId: PIA.id });
  });

  it('hands a started tour to another picker: tour.reassigned, and it shows with them at once', async () => {
    await seedFloor({ status: 'picking' });
    await pickedK1();
    const user = userEvent.setup();
    showFloor();
    const t1 = await screen.findByRole('listitem', { name: 'Tour 1 of Wave 1' });
    // Started: it can change hands, not go back to the shelf.
    expect(within(t1).queryByRole('button', { name: /^Take back/ })).not.toBeInTheDocument();
    const choice = within(t1).getByRole('combobox', { name: 'New picker for Tour 1 of Wave 1' });
    // Not the picker who has it.
    expect(
      within(choice)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose a picker', 'Bo Picker']);
    await user.selectOptions(choice, 'op-bo');
    await user.click(within(t1).getByRole('button', { name: 'Hand over Tour 1 of Wave 1' }));
    expect(await within(t1).findByText('Picking by Bo Picker — 1 of 3 tasks')).toBeInTheDocument();
    const events = await db.outbox.toArray();
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['tour.reassigned', { tourId: 'T1', pickerId: 'op-bo' }],
    ]);
  });

  it('shows the rule’s sentence when a tour cannot be taken back, and writes nothing', async () => {
    // Claimed with a tote already on the cart: started, though nothing is picked yet.
    await seedFloor({ status: 'claimed' });
    await db.totes.put({
      id: 'T1|TT1',
      tourId: 'T1',
      toteCode: 'TT1',
      slot: 0,
      orderId: 'O1',
      status: 'picking',
      packStation: null,
    });
    const user = userEvent.setup();
    showFloor();
    await user.click(await screen.findByRole('button', { name: 'Take back Tour 1 of Wave 1' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Tour 1 of Wave 1 is started by Pia Picker (0 of 3 picks done): reassign it, and the new picker takes over the cart.',
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it('cancels a wave nobody started with its stock given back; it leaves the floor at once', async () => {
    await seedFloor({ status: 'assigned' });
    const user = userEvent.setup();
    showFloor();
    await user.click(await screen.findByRole('button', { name: 'Cancel Wave 1' }));
    expect(await screen.findByText('No wave is on the floor.')).toBeInTheDocument();
    const events = await db.outbox.toArray();
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['wave.cancelled', { waveId: 'WV1', releaseStock: true }],
    ]);
  });

  it('re-plans a wave: cancelled with its stock kept for its lines, and the plan screen opens', async () => {
    await enrollLocally();
    await seedFloor({ status: 'released', pickerId: null });
    const user = userEvent.setup();
    renderAt('/');
    await user.click(await screen.findByRole('link', { name: 'The floor' }));
    await user.click(await screen.findByRole('button', { name: 'Re-plan Wave 1' }));
    expect(await screen.findByRole('heading', { name: 'Plan waves' })).toBeInTheDocument();
    const events = await db.outbox.toArray();
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['wave.cancelled', { waveId: 'WV1', releaseStock: false }],
    ]);
  });

  it('prints a tour’s pick list in route order through the print sheet', async () => {
    await seedFloor({ status: 'assigned' });
    const print = vi.fn();
    window.print = print;
    const user = userEvent.setup();
    showFloor();
    await user.click(
      await screen.findByRole('button', { name: 'Print the pick list of Tour 1 of Wave 1' }),
    );
    const sheet = await screen.findByRole('article', { name: 'Pick list for Tour 1 of Wave 1' });
    expect(sheet.closest('.print-sheet')).not.toBeNull();
    const stops = within(sheet).getByRole('table', { name: 'Stops' });
    expect(
      within(stops)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('td')].slice(0, 6).map((c) => c.textContent)),
    ).toEqual([
      ['1', 'A1-01', 'WIDGET', 'Blue widget', '2', '1'],
      ['2', 'A2-05', 'BOLT', 'Bolt M8', '6', '2'],
      ['3', 'A3-02', 'NUT', 'Nut M8', '3', '1'],
    ]);
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
  });
});

describe('one tour per picker, on the picker’s screen', () => {
  it('refuses “Next tour” while the picker holds one, in a sentence, and sends nothing', async () => {
    await enrollLocally();
    await seedFloor({ status: 'claimed' });
    useAppStore.setState({ operator: PIA, reachable: true });
    const user = userEvent.setup();
    renderAt('/pick');
    await user.click(await screen.findByRole('button', { name: 'Next tour (1 waiting)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You already hold Tour 1 of Wave 1: finish or drop it first.',
    );
    expect(await db.outbox.count()).toBe(0);
  });

  it('stops at the server’s one-tour refusal, with its sentence, rather than trying the next tour', async () => {
    await enrollLocally();
    await seedFloor({ status: 'released', pickerId: null });
    const sentence = 'You already hold Tour 3 of Wave 0: finish or drop it first.';
    // The server knows a tour of Pia's this device has not pulled yet, and refuses the claim.
    const server = async () => {
      for (const e of await db.outbox.toArray()) {
        await db.outbox.delete(e.localId!);
        await db.rejected.put({
          ...e,
          code: 'one-tour-at-a-time',
          message: sentence,
          answeredAt: new Date().toISOString(),
        });
      }
    };
    const tours = await db.tours.orderBy('id').toArray();
    const claimed = await claimNextTour(
      tours as Tour[],
      { operatorId: PIA.id, now: () => new Date(), newId: () => crypto.randomUUID() },
      { online: true, sleep: server, pollMs: 1 },
    );
    expect(claimed).toEqual({ ok: false, reason: sentence });
    expect(await db.rejected.count()).toBe(0);
  });
});
