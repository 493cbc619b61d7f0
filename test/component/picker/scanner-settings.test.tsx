import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { loadScannerConfig } from '../../../renderer/picking/scanner-settings';
import { useAppStore } from '../../../renderer/stores/app-store';
import { enrollLocally, renderAt } from '../fixtures';
import { PIA, seedAssignedTour } from './picker-world';

const burst = (keys: string[]) =>
  act(() => {
    for (const key of keys) window.dispatchEvent(new KeyboardEvent('keydown', { key }));
  });

describe('scanner settings', () => {
  beforeEach(async () => {
    localStorage.clear();
    await enrollLocally();
    await seedAssignedTour();
    useAppStore.setState({ operator: PIA, reachable: true });
  });

  it('refuses a bad setting by field and keeps what was saved', async () => {
    const user = userEvent.setup();
    renderAt('/pick');
    await user.click(await screen.findByText('Scanner settings'));
    const gap = screen.getByLabelText("Most ms between a scan's keys");
    fireEvent.change(gap, { target: { value: '200' } });
    await user.click(screen.getByRole('button', { name: 'Save scanner settings' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      "The time between a scan's keys is too long: at most 50 ms, or typing passes for a scan.",
    );
    expect(localStorage.getItem('fillwave.scanner')).toBeNull();
    expect(loadScannerConfig().maxGapMs).toBe(35);
  });

  it('with a prefix and Tab set, takes only prefixed bursts ending in Tab', async () => {
    const user = userEvent.setup();
    const first = renderAt('/pick');
    await user.click(await screen.findByText('Scanner settings'));
    await user.type(screen.getByLabelText('Prefix the scanner sends first'), '#');
    await user.selectOptions(screen.getByLabelText('Key after each code'), 'Tab');
    await user.click(screen.getByRole('button', { name: 'Save scanner settings' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    first.unmount();

    renderAt('/pick/T1');
    await screen.findByText('Scan a tote for slot 1 (order O1)');
    burst([...'TOTE-X', 'Enter']);
    burst([...'TOTE-Y', 'Tab']);
    expect(await db.outbox.count()).toBe(0);
    // Not dropped in silence: the picker is told why.
    expect(screen.getByRole('alert')).toHaveTextContent(
      '"TOTE-Y" did not come from the scanner: its codes start with "#".',
    );
    burst(['#', ...'TOTE-A', 'Tab']);
    expect(await screen.findByText('Scan a tote for slot 2 (order O2)')).toBeInTheDocument();
    expect((await db.outbox.toArray()).map((e) => e.payload)).toEqual([
      { tourId: 'T1', toteCode: 'TOTE-A', slot: 0, orderId: 'O1' },
    ]);
  });
});
