import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { PIA, seedAssignedTour } from '../picker/picker-world';
import { enrollLocally, renderAt } from '../fixtures';
import { developerWordsIn } from '../../fixtures/developer-words';

const ago = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const event = (id: string, type: string, hoursAgo: number, payload: unknown) => ({
  id,
  type,
  source: 'device' as const,
  deviceId: 'D1',
  operatorId: PIA.id,
  at: ago(hoursAgo),
  receivedAt: ago(hoursAgo),
  payload,
});

describe('shift figures', () => {
  beforeEach(async () => {
    await enrollLocally();
    await seedAssignedTour();
    await db.operators.put({ ...PIA, active: true } as never);
    useAppStore.setState({ operator: { id: 'op-lee', name: 'Lee Lead', role: 'lead' } });
  });

  it("shows the week's figures from the device's own log and counts", async () => {
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await db.dailyOrderCounts.put({
      id: twoDaysAgo,
      ordersPlaced: 40,
      linesPlaced: 100,
      linesBackordered: 8,
    });
    await db.events.bulkPut([
      event('e1', 'pick.confirmed', 2, { pickTaskId: 'K1', qty: 2, toteCode: 'A', entry: 'typed' }),
      event('e2', 'short-pick.reported', 1, { pickTaskId: 'K3', foundQty: 0, reason: 'not-found' }),
    ]);
    renderAt('/kpis');
    expect(await screen.findByTestId('kpi-backorder-rate')).toHaveTextContent('8.0 % (8 of 100)');
    expect(screen.getByTestId('kpi-short-rate')).toHaveTextContent('50.0 % (1 of 2)');
    // Two attempts an hour apart on one tour: one active hour.
    expect(screen.getByTestId('kpi-picks-per-hour')).toHaveTextContent('2.0');
    // Names come from the operators' rows, read after the figures: wait for them.
    expect(
      await within(await screen.findByRole('list', { name: 'Picks per picker' })).findByText(
        'Pia Picker: 2 picks, 2.0 per hour, 1 short, 1 typed rather than scanned',
      ),
    ).toBeInTheDocument();
  });

  it('says "no data" rather than a number when nothing happened, and says a bad record in words', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const user = userEvent.setup();
    renderAt('/kpis');
    expect(await screen.findByTestId('kpi-duration')).toHaveTextContent('no data');
    await db.events.put(event('bad', 'pick.confirmed', 1, { pickTaskId: 'K1' }));
    await user.click(screen.getByRole('button', { name: 'Last 30 days' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/a record on this device cannot be read/);
    expect(developerWordsIn(alert.textContent ?? '')).toEqual([]);
    // The record's id and field go to the console, for whoever looks closer.
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/event bad \(pick\.confirmed\)/));
    warn.mockRestore();
  });
});
