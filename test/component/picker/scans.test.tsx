import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { DEFAULT_FLOOR_SETTINGS } from '../../../shared/domain/floor-settings';
import { IDLE_RESET_MS } from '../../../shared/scan/burst';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour } from './picker-world';

// What the picker's screen says about scans: the code each step expects, a scanner burst at any
// speed taken, a burst that never ended said in words, and location check digits when the lead
// has switched them on.

// Types a code into the screen's manual entry and presses Enter, as with a damaged label.
const enter = async (text: string) => {
  const field = screen.getByLabelText(/Type a code|Tote code/);
  fireEvent.change(field, { target: { value: text } });
  fireEvent.submit(field.closest('form')!);
  await act(async () => {});
};

// A keyboard-wedge scanner: keys reach the window with no field focused, `gapMs` apart, as
// the browser stamps them (KeyboardEvent.timeStamp is what the detector reads).
let clock = 10_000;
const burst = async (keys: string[], gapMs: number) => {
  (document.activeElement as HTMLElement | null)?.blur();
  act(() => {
    for (const key of keys) {
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      Object.defineProperty(e, 'timeStamp', { value: (clock += gapMs) });
      window.dispatchEvent(e);
    }
  });
  clock += 60_000; // the next burst is a new one
  await act(async () => {});
};

const lastPayload = async () => (await db.outbox.orderBy('seq').last())!.payload;
const alert = () => screen.getByRole('alert');
const expected = () => screen.getByTestId('expected-code');

// Totes on the cart, at the first task (K1: WIDGET at A1-01, into TOTE-A).
const toFirstTask = async () => {
  renderAt('/pick/T1');
  await screen.findByText('Scan a tote for slot 1 (order O1)');
  await enter('TOTE-A');
  await screen.findByText('Scan a tote for slot 2 (order O2)');
  await enter('TOTE-B');
  await screen.findByText('A1-01');
};

describe('scans on the picker’s task', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seedAssignedTour();
    useAppStore.setState({ operator: PIA, reachable: true });
  });
  afterEach(() => vi.useRealTimers());

  it('shows the code each step expects: the location, then the SKU code and its barcode number', async () => {
    await toFirstTask();
    expect(expected()).toHaveTextContent('· A1-01');
    await enter('A1-01');
    expect(expected()).toHaveTextContent('· barcode 09501101020917 or SKU code WIDGET');
    await enter('widget');
    expect(screen.getByText('Scan more, or the tote')).toBeInTheDocument();
    expect(expected()).toHaveTextContent('· barcode 09501101020917 or SKU code WIDGET');
  });

  it('takes a scanner burst with 60 ms between keys, and the SKU code typed, on the item step', async () => {
    await toFirstTask();
    await burst([...'A1-01', 'Enter'], 60);
    expect(screen.getByText('Scan the item')).toBeInTheDocument();
    // A slow Bluetooth scanner: 60 ms a key, over the 35 ms a scanner is expected to keep.
    await burst([...'09501101020917', 'Enter'], 60);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('counted')).toHaveTextContent('1');
    // The label of the second one is torn: the SKU code shown on the screen, typed.
    await enter('WIDGET');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByTestId('counted')).toHaveTextContent('2');
    await burst([...'TOTE-A', 'Enter'], 8);
    await waitFor(async () =>
      expect(await lastPayload()).toEqual({
        pickTaskId: 'K1',
        qty: 2,
        toteCode: 'TOTE-A',
        entry: 'typed',
      }),
    );
  });

  it('says a wrong item with the codes to type, never "X is not X"', async () => {
    await toFirstTask();
    await enter('A1-01');
    await enter('4006381333931');
    expect(alert()).toHaveTextContent(
      'Wrong item: 4006381333931 is not WIDGET (Blue widget). Scan its label, or type WIDGET or its barcode 09501101020917.',
    );
  });

  it('says a burst that ended with another key, and one that never ended, in words', async () => {
    await toFirstTask();
    // A scanner set to end with Tab, on a station that expects Enter.
    await burst([...'A1-01', 'Tab'], 8);
    expect(alert()).toHaveTextContent(
      '"A1-01" was not taken: Tab came before Enter, which ends a scan. Scan it again, or type it in the field.',
    );
    expect(screen.getByText('Scan the location')).toBeInTheDocument();
    // A scanner that sends no ending key at all: said once no key has come for a while.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await burst([...'A1-01'], 8);
    act(() => vi.advanceTimersByTime(IDLE_RESET_MS + 5));
    vi.useRealTimers();
    await waitFor(() =>
      expect(alert()).toHaveTextContent(
        '"A1-01" was not taken: Enter, which ends a scan, never came.',
      ),
    );
    expect(screen.getByText('Scan the location')).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(2); // the two totes, nothing else
  });

  it('asks a typed location for its check digits when the lead has them on; a scan as before', async () => {
    await db.floorSettings.put({ ...DEFAULT_FLOOR_SETTINGS, locationCheckDigits: true });
    await toFirstTask();
    await waitFor(() =>
      expect(expected()).toHaveTextContent('· A1-01; typed, add the 2 check digits from its label'),
    );
    // The digits are on the label only: never on the screen.
    expect(screen.queryByText(/\b56\b/)).not.toBeInTheDocument();
    await enter('A1-01');
    expect(alert()).toHaveTextContent(
      "Type the location's check digits too: the two digits on its label, after A1-01.",
    );
    await enter('A1-01 56');
    expect(screen.getByText('Scan the item')).toBeInTheDocument();
    // Skip to the next task: its label scanned needs no digits.
    fireEvent.click(screen.getByRole('button', { name: 'Skip for now' }));
    await screen.findByText('A2-05');
    await burst([...'A2-05', 'Enter'], 8);
    expect(screen.getByText('Scan the item')).toBeInTheDocument();
  });

  it("asks for the pack station at the tour's end and takes its label scanned", async () => {
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
    expect(
      await screen.findByText("Scan the pack station's label, or type its name"),
    ).toBeInTheDocument();
    await burst([...'PACK-3', 'Enter'], 60);
    expect((await screen.findAllByText('Totes dropped at PACK-3.')).length).toBeGreaterThan(0);
    expect((await db.outbox.orderBy('seq').toArray()).map((e) => e.type)).toEqual([
      'tour.completed',
      'totes.dropped',
    ]);
  });
});
