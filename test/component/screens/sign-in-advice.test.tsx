// The advice for an unknown badge follows what the device knows: "Sync first" helps only a
// device that never synced (a synced one holds every operator the server has).
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { KEYS, writeState } from '../../../renderer/sync/sync-state';
import { hashPin } from '../../../server/auth/pin-hash';
import { enrollLocally, renderAt } from '../fixtures';

const pin = hashPin('2468', 'cd'.repeat(16), 1000);

const attempt = async (badge: string) => {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Badge'), badge);
  await user.type(screen.getByLabelText('PIN'), '2468');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('sign-in with a badge the device does not hold', () => {
  beforeEach(async () => {
    await enrollLocally();
    await writeState(db, KEYS.lastSync, '2026-12-01T08:00:00.000Z');
  });

  it('on a synced device, says the server has no such operator, not "Sync first"', async () => {
    await db.operators.put({
      id: 'op-lee',
      badge: 'LE001',
      name: 'Lee Lead',
      role: 'lead',
      active: true,
      ...pin,
    });
    renderAt('/sign-in');
    await attempt('ZZ999');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'No operator with badge ZZ999 on the server. Check the badge, or ask a lead to add you.',
    );
    expect(alert).not.toHaveTextContent('Sync first');
  });

  it('on a synced device of a server with no operators (no --demo yet), says how to get some', async () => {
    renderAt('/sign-in');
    await attempt('LE001');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The server has no operators yet');
    expect(alert).toHaveTextContent('--demo 2000');
    expect(alert).not.toHaveTextContent('Sync first');
  });
});
