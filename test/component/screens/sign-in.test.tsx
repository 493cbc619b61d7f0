import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import {
  KEYS,
  readState,
  writeState,
  type DeviceIdentity,
} from '../../../renderer/sync/sync-state';
import { hashPin } from '../../../server/auth/pin-hash';
import { enrollLocally, renderAt } from '../fixtures';

// A low iteration count keeps the test quick; the check reads it from the record.
const pin = hashPin('2468', 'cd'.repeat(16), 1000);

describe('sign-in', () => {
  beforeEach(async () => {
    await enrollLocally();
    await db.operators.bulkPut([
      { id: 'op-lee', badge: 'LE001', name: 'Lee Lead', role: 'lead', active: true, ...pin },
      { id: 'op-old', badge: 'PI009', name: 'Old Picker', role: 'picker', active: false, ...pin },
    ]);
  });

  const attempt = async (badge: string, code: string) => {
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Badge'));
    await user.type(screen.getByLabelText('Badge'), badge);
    await user.type(screen.getByLabelText('PIN'), code);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
  };

  it('signs a lead in offline with badge and PIN, and shows their screens', async () => {
    renderAt('/sign-in');
    await attempt('LE001', '2468');
    expect(await screen.findByRole('link', { name: 'Backorder queue' })).toBeInTheDocument();
    expect(useAppStore.getState().operator).toEqual({
      id: 'op-lee',
      name: 'Lee Lead',
      role: 'lead',
    });
  });

  it('takes a badge typed in lower case', async () => {
    renderAt('/sign-in');
    await attempt(' le001 ', '2468');
    expect(await screen.findByRole('link', { name: 'Backorder queue' })).toBeInTheDocument();
    expect(useAppStore.getState().operator).toMatchObject({ id: 'op-lee' });
  });

  it('says what is wrong: an unknown badge, a deactivated operator, a wrong PIN', async () => {
    renderAt('/sign-in');
    await attempt('ZZ999', '2468');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No operator with badge ZZ999 on this device. Sync first, or check the badge.',
    );
    await attempt('PI009', '2468');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Old Picker is deactivated. Ask a lead.',
    );
    await attempt('LE001', '1111');
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong PIN.');
    expect(useAppStore.getState().operator).toBeNull();
  });

  it('locks the operator on this device after five wrong PINs, even for the right one', async () => {
    renderAt('/sign-in');
    for (let i = 0; i < 5; i++) await attempt('LE001', '0000');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Too many wrong PINs: ask a lead to unlock you at the lead's station, or try again in 5 min.",
    );
    await attempt('LE001', '2468');
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many wrong PINs');
    expect(useAppStore.getState().operator).toBeNull();
  });

  it('refuses an operator of a role this device may not sign in, with the reason, before the PIN', async () => {
    const identity = (await readState<DeviceIdentity>(db, KEYS.identity))!;
    await writeState(db, KEYS.identity, { ...identity, roles: ['picker', 'packer'] });
    await db.operators.put({
      id: 'op-pat',
      badge: 'PI001',
      name: 'Pat Picker',
      role: 'picker',
      active: true,
      ...pin,
    });
    renderAt('/sign-in');
    await attempt('LE001', '2468');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Lee Lead is a lead, and this device is enrolled for pickers and packers only. Sign in on another device, or ask an admin to enroll this one with the lead role.',
    );
    expect(useAppStore.getState().operator).toBeNull();
    // Refused before the PIN: no wrong attempt counts against the lead.
    expect(await db.outbox.count()).toBe(0);
    await attempt('PI001', '2468');
    await screen.findByRole('link', { name: 'Picking' });
    expect(useAppStore.getState().operator).toMatchObject({ id: 'op-pat', role: 'picker' });
  });
});
