import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import type { ShellApi } from '../../../shared/ipc/shell-api';
import { renderAt } from '../fixtures';
import { developerWordsIn } from '../../fixtures/developer-words';
import { payloadRefusal } from '../../../shared/outcomes/action-words';
import { DEVICE_EVENTS } from '../../../shared/sync-api/events/catalogue';
import { sortPage } from '../../../renderer/sync/apply-page';
import { appendSyncLog, PARKED_CODE } from '../../../renderer/sync/park';

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
    const [bad] = sortPage(
      [{ entity: 'sku', id: 'BAD', row: { id: 'BAD', sku: 'SKU-9', weightKg: 'heavy' } }],
      '2026-11-25T09:00:00.000Z',
    ).quarantined;
    await db.quarantine.add(bad!);
    const user = userEvent.setup();
    renderAt('/sync-problems');
    expect(
      await screen.findByText(
        'The server said: Backorder line SO-3/1 is cancelled; only an open line with nothing allocated can be held.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /^An item from the server could not be read here, so this device left it out\./,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await expect.poll(() => db.rejected.count()).toBe(0);
  });

  it("says every problem in a person's words: no event type, schema path, zod phrase or id", async () => {
    const held = DEVICE_EVENTS['backorder-line.held'].payload.safeParse({
      backorderLineId: 'SO-3/1',
      reason: '',
    });
    const at = '2026-11-25T09:00:00.000Z';
    await db.rejected.bulkPut([
      {
        id: 'f82596be-2fb7-4c6e-9d0a-5b1c2d3e4f50',
        type: 'backorder-line.held',
        operatorId: 'op',
        at,
        payload: {},
        code: 'invalid-payload',
        message: payloadRefusal('backorder-line.held', held.error!),
        answeredAt: at,
      },
      {
        id: 'a1b2c3d4-2fb7-4c6e-9d0a-5b1c2d3e4f50',
        type: 'pick.confirmed',
        operatorId: 'op',
        at,
        payload: {},
        code: PARKED_CODE,
        message: 'The server failed 3 times on this event alone (500 The server failed.).',
        answeredAt: at,
      },
    ]);
    await appendSyncLog(db, {
      at,
      action: 'parked',
      eventId: 'a1b2c3d4-2fb7-4c6e-9d0a-5b1c2d3e4f50',
      type: 'pick.confirmed',
      detail: '500 The server failed.',
    });
    const { quarantined } = sortPage(
      [
        { entity: 'tour', id: 'T1', row: { id: 'T1', waveId: 7 } },
        { entity: 'operator', id: 'op-1', row: { id: 'op-2' } },
      ],
      at,
    );
    await db.quarantine.bulkAdd(quarantined);
    renderAt('/sync-problems');
    await screen.findByText(/A pick · /);
    await screen.findByText(/Set aside · a pick · /);
    await screen.findByText(/^A tour from the server could not be read here/);
    // Each element that holds text alone (a line of the screen), as a person reads it.
    const shown = [...document.body.querySelectorAll('*')]
      .filter((e) => e.children.length === 0 && e.textContent?.trim())
      .map((e) => e.textContent!.trim());
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.flatMap(developerWordsIn)).toEqual([]);
  });
});
