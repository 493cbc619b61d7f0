import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { renderAt } from '../fixtures';

describe('first run', () => {
  it('sends a device that is not set up to the setup screen', async () => {
    renderAt('/queue');
    expect(await screen.findByRole('heading', { name: 'Set up this device' })).toBeInTheDocument();
  });

  it('refuses an address that is not one, and stores nothing', async () => {
    const user = userEvent.setup();
    renderAt('/setup');
    const address = await screen.findByLabelText('Server address');
    await user.clear(address);
    await user.type(address, 'fillwave lan');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '"fillwave lan" is not a server address; it looks like https://fillwave.lan:4780',
    );
    expect(await db.syncState.count()).toBe(0);
  });
});

describe('sync problems', () => {
  it("lists refused events with the server's sentence and unreadable records with why", async () => {
    await db.rejected.put({
      id: 'e1',
      type: 'backorder-line.held',
      operatorId: 'op',
      at: '2026-11-25T09:00:00.000Z',
      payload: {},
      code: 'line-not-open',
      message:
        'Backorder line SO-3/1 is cancelled; only an open line with nothing allocated can be held.',
      answeredAt: '2026-11-25T09:01:00.000Z',
    });
    await db.quarantine.add({
      entity: 'sku',
      id: 'BAD',
      reason: 'sku BAD: weightKg: Invalid input: expected number, received string',
      row: {},
      at: '2026-11-25T09:00:00.000Z',
    });
    const user = userEvent.setup();
    renderAt('/sync-problems');
    expect(
      await screen.findByText(
        'Backorder line SO-3/1 is cancelled; only an open line with nothing allocated can be held.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('sku BAD: weightKg: Invalid input: expected number, received string'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(await db.rejected.count()).toBe(0);
  });
});
