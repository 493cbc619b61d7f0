import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { LOCK_MS } from '../../../shared/auth/pin-lock';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { hashPin } from '../../../server/auth/pin-hash';
import { enrollLocally, renderAt } from '../fixtures';

// A low iteration count keeps the test quick; the check reads it from the record.
const pin = hashPin('2468', 'cd'.repeat(16), 1000);
const LEE = { id: 'op-lee', name: 'Lee Lead', role: 'lead' as const };
const PAT = { id: 'op-pat', badge: 'PI001', name: 'Pat Picker', role: 'picker' as const };

// As pulled: the server counted five wrong PINs for Pat, typed on any handheld, a minute ago.
const lockedOnServer = () => ({
  ...PAT,
  active: true,
  ...pin,
  wrongPins: 5,
  pinLockedUntil: new Date(Date.now() - 60_000 + LOCK_MS).toISOString(),
});

describe('a PIN lock a lead lifts', () => {
  beforeEach(async () => {
    await enrollLocally();
    await db.operators.bulkPut([
      { ...LEE, badge: 'LE001', active: true, ...pin },
      { id: 'op-pia', badge: 'PI002', name: 'Pia Picker', role: 'picker', active: true, ...pin },
      lockedOnServer(),
    ]);
  });

  it("shows the locked badge on the lead's floor with Unlock, which records operator.unlocked", async () => {
    useAppStore.setState({ operator: LEE });
    renderAt('/floor');
    const locked = await screen.findByRole('region', { name: 'Locked out' });
    expect(locked).toHaveTextContent(
      'Pat Picker (picker, badge PI001): too many wrong PINs, locked for 4 more min',
    );
    expect(locked).not.toHaveTextContent('Pia Picker');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Unlock Pat Picker' }));
    // Gone from the list at once: the waiting unlock is laid over Pat's record.
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Locked out' })).toBeNull());
    const [event] = await db.outbox.toArray();
    expect(event).toMatchObject({
      type: 'operator.unlocked',
      operatorId: LEE.id,
      payload: { operatorId: PAT.id },
      status: 'pending',
    });
  });

  it('lets the picker in on the handheld once the unlock is pulled', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in');
    const signIn = async () => {
      await user.clear(screen.getByLabelText('Badge'));
      await user.clear(screen.getByLabelText('PIN'));
      await user.type(screen.getByLabelText('Badge'), 'PI001');
      await user.type(screen.getByLabelText('PIN'), '2468');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
    };
    await signIn();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "Too many wrong PINs: ask a lead to unlock you at the lead's station, or try again in 4 min.",
    );
    expect(useAppStore.getState().operator).toBeNull();
    // The next pull brings Pat's record as the lead's unlock left it.
    await db.operators.put({ ...lockedOnServer(), wrongPins: 0, pinLockedUntil: null });
    await signIn();
    await screen.findByRole('link', { name: 'Picking' });
    expect(useAppStore.getState().operator).toMatchObject({ id: PAT.id });
    // A right PIN after none wrong tells the server nothing.
    expect(await db.outbox.count()).toBe(0);
  });

  it('locks on the handheld offline with its own wrong PINs waiting, on top of the count it pulled', async () => {
    await db.operators.put({ ...lockedOnServer(), wrongPins: 3, pinLockedUntil: null });
    const user = userEvent.setup();
    renderAt('/sign-in');
    for (let i = 0; i < 2; i++) {
      await user.clear(screen.getByLabelText('Badge'));
      await user.type(screen.getByLabelText('Badge'), 'PI001');
      await user.type(screen.getByLabelText('PIN'), '0000');
      await user.click(screen.getByRole('button', { name: 'Sign in' }));
    }
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        "Too many wrong PINs: ask a lead to unlock you at the lead's station, or try again in 5 min.",
      ),
    );
    const waiting = await db.outbox.toArray();
    expect(waiting.map((e) => [e.type, e.operatorId])).toEqual([
      ['operator.pin-refused', PAT.id],
      ['operator.pin-refused', PAT.id],
    ]);
  });
});
