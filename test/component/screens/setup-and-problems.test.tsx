import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import type { ShellApi } from '../../../shared/ipc/shell-api';
import { renderAt } from '../fixtures';

describe('first run', () => {
  it('sends a device that is not set up to the setup screen', async () => {
    renderAt('/queue');
    expect(await screen.findByRole('heading', { name: 'Set up this device' })).toBeInTheDocument();
  });

  it('in the desktop app, refuses an address that is not one, and stores nothing', async () => {
    const patches: unknown[] = [];
    window.fillwave = {
      getVersion: async () => '1.0.0',
      getSettings: async () => ({ serverUrl: null, deviceToken: null }),
      updateSettings: async (patch) => {
        patches.push(patch);
        return { ok: false, reason: 'unused' };
      },
      credentialStorage: async () => 'keyring' as const,
      print: async () => ({ ok: false, reason: 'unused' }),
    } satisfies ShellApi;
    const user = userEvent.setup();
    renderAt('/setup');
    const address = await screen.findByLabelText(/Server address/);
    await user.type(address, 'fillwave lan');
    await user.click(screen.getByRole('button', { name: 'Connect' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '"fillwave lan" is not a server address; it looks like https://fillwave.lan:4780',
    );
    expect(patches).toEqual([]);
    expect(await db.syncState.count()).toBe(0);
  });

  it('in a browser, enrolls with the server that served the page, by a relative URL', async () => {
    const calls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string) => {
      calls.push(String(url));
      return new Response(
        JSON.stringify({
          error: 'unknown-host',
          message: 'This server does not answer to the name "wms.example".',
        }),
        { status: 421, headers: { 'content-type': 'application/json' } },
      );
    }) as typeof fetch;
    try {
      const user = userEvent.setup();
      renderAt('/setup');
      expect(screen.queryByLabelText(/Server address/)).toBeNull();
      expect(screen.getByText(location.origin)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Connect' }));
      // The server's sentence, as it gave it.
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'This server does not answer to the name "wms.example".',
      );
      expect(calls).toEqual(['/api/v1/enroll']);
    } finally {
      globalThis.fetch = realFetch;
    }
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
        'The server said: Backorder line SO-3/1 is cancelled; only an open line with nothing allocated can be held.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('sku BAD: weightKg: Invalid input: expected number, received string'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await expect.poll(() => db.rejected.count()).toBe(0);
  });
});
