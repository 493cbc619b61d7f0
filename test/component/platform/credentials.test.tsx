import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db';
import { loadIdentity, saveIdentity } from '../../../renderer/platform/credentials';
import { enroll } from '../../../renderer/sync/enroll';
import { KEYS, readState } from '../../../renderer/sync/sync-state';
import type { ShellApi } from '../../../shared/ipc/shell-api';
import type { Settings } from '../../../shared/ipc/settings';

const identity = {
  serverUrl: 'https://fillwave.lan:4780',
  deviceId: 'd-1',
  token: 'fwd.d-1.secret',
  epoch: 'e-1',
};

describe('where the device token is kept', () => {
  it('in the desktop app, by the shell (encrypted there), never in IndexedDB', async () => {
    let settings: Settings = { serverUrl: null, deviceToken: null };
    window.fillwave = {
      getVersion: async () => '1',
      getSettings: async () => settings,
      updateSettings: async (patch) => {
        settings = { ...settings, ...patch };
        return { ok: true, value: settings };
      },
    } satisfies ShellApi;
    await saveIdentity(db, identity);
    expect(settings.deviceToken).toBe('fwd.d-1.secret');
    expect(await readState(db, KEYS.identity)).toEqual({ ...identity, token: '' });
    expect(await loadIdentity(db)).toEqual(identity);
  });

  it('in a browser, in IndexedDB with the rest of the device state', async () => {
    await saveIdentity(db, identity);
    expect(await readState(db, KEYS.identity)).toEqual(identity);
    expect(await loadIdentity(db)).toEqual(identity);
  });

  it('says so when the shell cannot keep it', async () => {
    window.fillwave = {
      getVersion: async () => '1',
      getSettings: async () => ({ serverUrl: null, deviceToken: null }),
      updateSettings: async () => ({
        ok: false,
        reason:
          'settings not saved: deviceToken is a secret and this system offers no encrypted storage (no keyring)',
      }),
    } satisfies ShellApi;
    await expect(saveIdentity(db, identity)).rejects.toThrow(/no encrypted storage/);
    expect(await readState(db, KEYS.identity)).toBeUndefined();
  });

  it('keeps no device id when the token could not be kept, so enrolling again starts afresh', async () => {
    window.fillwave = {
      getVersion: async () => '1',
      getSettings: async () => ({ serverUrl: null, deviceToken: null }),
      updateSettings: async () => ({ ok: false, reason: 'no encrypted storage (no keyring)' }),
    } satisfies ShellApi;
    const asked: string[] = [];
    const server = (async (_url: string, init?: RequestInit) => {
      const { deviceId } = JSON.parse(String(init?.body)) as { deviceId: string };
      asked.push(deviceId);
      return new Response(
        JSON.stringify({
          deviceId,
          token: `fwd.${deviceId}.x`,
          epoch: '00000000-0000-4000-8000-00000000000e',
          roles: ['picker', 'lead', 'packer'],
        }),
        { status: 201 },
      );
    }) as typeof fetch;
    let n = 0;
    const newId = () => `00000000-0000-4000-8000-00000000000${++n}`;
    const input = { serverUrl: 'http://127.0.0.1:4780', code: '', name: 'station' };
    await expect(enroll(db, input, newId, server)).rejects.toThrow(/no keyring/);
    expect(await readState(db, 'deviceId')).toBeUndefined();
    // The server knows the first id, whose token is lost: the next try does not name it.
    await expect(enroll(db, input, newId, server)).rejects.toThrow(/no keyring/);
    expect(asked).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
  });
});
