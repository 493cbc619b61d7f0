// A device whose server no longer knows it (reset, restored, revoked): the status area says so
// in words instead of "Online", a button opens the setup screen, the setup screen says what
// happens to the waiting events, and "Start over on this device" says what it would lose first.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import type { OutboxEvent } from '../../../renderer/db/fillwave-db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { KEYS, readState, writeState } from '../../../renderer/sync/sync-state';
import type { ShellApi } from '../../../shared/ipc/shell-api';
import { enrollLocally, renderAt } from '../fixtures';

const FORGOT =
  'This server no longer knows this device (it was reset or restored, or the device was revoked). Enroll again.';

const waitingEvent = (seq: number): OutboxEvent => ({
  id: `00000000-0000-4000-8000-00000000010${seq}`,
  seq,
  type: 'backorder-line.held',
  operatorId: 'op-lee',
  at: '2026-12-01T08:00:00.000Z',
  payload: { backorderLineId: `line-${seq}`, reason: 'damaged' },
  status: 'pending',
});

// The button waits for the outbox to be counted (its warning names the waiting events): a
// click before that lands on a disabled button and does nothing.
const startOverButton = async () => {
  const button = await screen.findByRole('button', { name: 'Start over on this device…' });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
};

describe('a device its server no longer knows', () => {
  beforeEach(async () => {
    await enrollLocally();
    await writeState(db, KEYS.needsEnrollment, true);
    await writeState(db, KEYS.lastError, {
      kind: 'unauthorized',
      reason: 'This device token is unknown or revoked: enroll the device again.',
      at: '2026-12-01T08:00:00.000Z',
    });
    await db.outbox.bulkAdd([waitingEvent(1), waitingEvent(2)]);
    // The server answers: only not to this device.
    useAppStore.setState({ reachable: true, failedAt: null });
  });

  it('says so in words instead of "Online", and its button opens the setup screen', async () => {
    renderAt('/sign-in');
    const status = screen.getByTestId('sync-status');
    const notice = await within(status).findByTestId('enroll-again');
    expect(notice).toHaveTextContent(FORGOT);
    expect(status).not.toHaveTextContent('Online');
    expect(status).not.toHaveTextContent('Last error');
    await userEvent.setup().click(within(notice).getByRole('button', { name: 'Enroll again' }));
    expect(await screen.findByRole('heading', { name: 'Set up this device' })).toBeInTheDocument();
    const setup = await screen.findByTestId('server-forgot-device');
    expect(setup).toHaveTextContent(FORGOT);
    expect(setup).toHaveTextContent(
      '2 events wait on this device. They are kept and sent once the device is enrolled again',
    );
    expect(screen.getByRole('button', { name: 'Connect' })).toBeInTheDocument();
  });

  it('starts over only after a confirmation that names the waiting events it would lose', async () => {
    const user = userEvent.setup();
    renderAt('/setup');
    await user.click(await startOverButton());
    const ask = screen.getByRole('alertdialog');
    expect(ask).toHaveTextContent(
      '2 events not yet sent to the server, which will be lost. Enroll again instead to send them.',
    );
    await user.click(within(ask).getByRole('button', { name: 'Keep it' }));
    expect(await db.outbox.count()).toBe(2);
    expect(await readState(db, KEYS.identity)).toBeDefined();

    await user.click(await startOverButton());
    await user.click(screen.getByRole('button', { name: 'Remove everything on this device' }));
    // Gone with the enrollment: nothing left to start over from, nothing to enroll "again".
    expect(await screen.findByRole('heading', { name: 'Set up this device' })).toBeInTheDocument();
    await expect
      .poll(() => screen.queryByRole('heading', { name: 'Start over on this device' }))
      .toBeNull();
    expect(await db.outbox.count()).toBe(0);
    expect(await readState(db, KEYS.identity)).toBeUndefined();
    expect(await readState(db, 'deviceId')).toBeUndefined();
    expect(screen.queryByTestId('enroll-again')).toBeNull();
  });

  it('is reached from the home screen too, without typing #/setup', async () => {
    renderAt('/');
    await userEvent.setup().click(await screen.findByRole('link', { name: 'Device setup' }));
    expect(await screen.findByRole('heading', { name: 'Set up this device' })).toBeInTheDocument();
    expect(await startOverButton()).toBeInTheDocument();
  });

  it('in the desktop app, starting over also drops the token the shell keeps', async () => {
    const patches: unknown[] = [];
    const shell: ShellApi = {
      getVersion: async () => '1.0.0',
      getSettings: async () => ({ serverUrl: 'http://127.0.0.1:4781', deviceToken: 'fwd.a.b' }),
      updateSettings: async (patch) => {
        patches.push(patch);
        return { ok: true, value: { serverUrl: 'http://127.0.0.1:4781', deviceToken: null } };
      },
      credentialStorage: async () => 'keyring',
      print: async () => ({ ok: false, reason: 'unused' }),
    };
    window.fillwave = shell;
    const user = userEvent.setup();
    renderAt('/setup');
    await user.click(await startOverButton());
    await user.click(screen.getByRole('button', { name: 'Remove everything on this device' }));
    await expect.poll(() => patches).toEqual([{ deviceToken: null }]);
    expect(await db.outbox.count()).toBe(0);
  });
});
