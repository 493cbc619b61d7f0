import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { SyncStatus } from '../../../renderer/components/SyncStatus';
import { db } from '../../../renderer/db/db';
import { useAppStore } from '../../../renderer/stores/app-store';
import { KEYS, writeState } from '../../../renderer/sync/sync-state';
import { OFFLINE_FRESH_MS } from '../../../renderer/sync/use-reachable';
import { NO_KEYRING_FIX, type CredentialStorage } from '../../../shared/ipc/settings';
import type { ShellApi } from '../../../shared/ipc/shell-api';
import { renderAt } from '../fixtures';

const shellWith = (storage: CredentialStorage, patches: unknown[] = []): ShellApi => ({
  getVersion: async () => '1.0.0',
  getSettings: async () => ({ serverUrl: null, deviceToken: null }),
  updateSettings: async (patch) => {
    patches.push(patch);
    return { ok: false, reason: 'unused' };
  },
  credentialStorage: async () => storage,
  print: async () => ({ ok: false, reason: 'unused' }),
});

const renderStatus = (syncNow?: () => void) =>
  render(
    <MemoryRouter>
      <SyncStatus syncNow={syncNow} />
    </MemoryRouter>,
  );

describe('sync status', () => {
  it('never says "0 waiting" before it has counted the outbox', async () => {
    await db.outbox.add({
      id: 'e1',
      seq: 1,
      type: 'backorder-line.held',
      operatorId: 'op',
      at: '2026-12-01T08:00:00Z',
      payload: { backorderLineId: 'SO-1/1', reason: 'x' },
      status: 'pending',
    } as never);
    renderStatus();
    // The first paint, before the outbox has answered: a browser tab opening on a busy machine
    // shows this for a moment, and a person (or a test) must not read it as delivered.
    expect(screen.getByTestId('waiting')).toHaveTextContent('Counting what waits…');
    expect(await screen.findByText('1 waiting')).toBeInTheDocument();
  });

  it('warns, and keeps warning, while the token is kept without a keyring', async () => {
    window.fillwave = shellWith('plain-text');
    renderStatus();
    expect(await screen.findByTestId('no-keyring')).toHaveTextContent(
      'Device token stored without a keyring',
    );
    expect(screen.getByTestId('no-keyring')).toHaveTextContent('Enable a keyring');
    expect(screen.getByTestId('no-keyring').querySelector('button')).toBeNull();
  });

  it('says nothing of keyrings where the system keeps the token, or in a browser', async () => {
    window.fillwave = shellWith('keyring');
    const { unmount } = renderStatus();
    await screen.findByTestId('waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('no-keyring')).toBeNull();
    unmount();
    delete window.fillwave;
    renderStatus();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId('no-keyring')).toBeNull();
  });

  it("shows a refusal's whole sentence: the server's name and the flag to add", async () => {
    const reason =
      'This server does not answer to the name "wms.example". If devices reach it by that name, start the server with --public-name wms.example (or FILLWAVE_PUBLIC_NAME=wms.example).';
    await writeState(db, KEYS.lastError, { kind: 'refused', reason, at: new Date().toISOString() });
    renderStatus();
    expect(await screen.findByText(`Last error: ${reason}`)).toBeInTheDocument();
  });
});

describe('setup without a keyring', () => {
  it('asks the site to accept storing the token without one before it enrolls', async () => {
    const patches: unknown[] = [];
    window.fillwave = shellWith('plain-text', patches);
    const user = userEvent.setup();
    renderAt('/setup');
    const accept = await screen.findByLabelText(/Store the token without a keyring/);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(NO_KEYRING_FIX);
    expect(patches).toEqual([]);
    await user.click(accept);
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(patches).toEqual([{ serverUrl: null, allowTokenWithoutKeyring: true }]);
  });

  it('"Sync now" wakes the sync loop', async () => {
    const syncNow = vi.fn();
    renderStatus(syncNow);
    await userEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('says Offline for a recent failure, and Online once that failure is old', async () => {
    useAppStore.setState({ reachable: false, failedAt: Date.now() - 1000 });
    const { unmount } = renderStatus();
    expect(await screen.findByText('Offline: work stays on this device')).toBeInTheDocument();
    unmount();
    useAppStore.setState({ reachable: false, failedAt: Date.now() - OFFLINE_FRESH_MS - 1000 });
    renderStatus();
    expect(await screen.findByText('Online')).toBeInTheDocument();
    useAppStore.setState({ reachable: null, failedAt: null });
  });
});
