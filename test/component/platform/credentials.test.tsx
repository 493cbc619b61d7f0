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

// A desktop shell with a keyring, holding its settings in memory: `shell.settings`.
const keepingShell = (settings: Settings) => {
  const shell = { settings };
  window.fillwave = {
    getVersion: async () => '1',
    getSettings: async () => shell.settings,
    updateSettings: async (patch) => {
      shell.settings = { ...shell.settings, ...patch };
      return { ok: true, value: shell.settings };
    },
    credentialStorage: async () => 'keyring' as const,
    print: async () => ({ ok: false, reason: 'unused' }),
  } satisfies ShellApi;
  return shell;
};

// A desktop shell that refuses to save any setting, with `reason`.
const refusingShell = (reason: string, storage: 'keyring' | 'plain-text') => {
  window.fillwave = {
    getVersion: async () => '1',
    getSettings: async () => ({ serverUrl: null, deviceToken: null }),
    updateSettings: async () => ({ ok: false, reason }),
    credentialStorage: async () => storage,
    print: async () => ({ ok: false, reason: 'unused' }),
  } satisfies ShellApi;
};

describe('where the device token is kept', () => {
  it('in the desktop app, by the shell (encrypted there), never in IndexedDB', async () => {
    const shell = keepingShell({ serverUrl: null, deviceToken: null });
    await saveIdentity(db, identity);
    expect(shell.settings.deviceToken).toBe('fwd.d-1.secret');
    expect(await readState(db, KEYS.identity)).toEqual({ ...identity, token: '' });
    expect(await loadIdentity(db)).toEqual(identity);
  });

  it('in a browser, in IndexedDB with the rest of the device state', async () => {
    await saveIdentity(db, identity);
    expect(await readState(db, KEYS.identity)).toEqual(identity);
    expect(await loadIdentity(db)).toEqual(identity);
  });

  it('says so when the shell cannot keep it', async () => {
    refusingShell(
      'settings not saved: deviceToken is a secret and this system offers no encrypted storage (no keyring)',
      'keyring',
    );
    await expect(saveIdentity(db, identity)).rejects.toThrow(/no encrypted storage/);
    expect(await readState(db, KEYS.identity)).toBeUndefined();
  });

  // A fake server that enrolls whatever id it is sent, and notes each request's id and token.
  const fakeServer = () => {
    const asked: { deviceId: string; authorization: string | null }[] = [];
    const fetchFn = async (_url: string, init: RequestInit) => {
      const { deviceId } = JSON.parse(String(init.body)) as { deviceId: string };
      asked.push({ deviceId, authorization: new Headers(init.headers).get('authorization') });
      return new Response(
        JSON.stringify({
          deviceId,
          token: `fwd.${deviceId}.t${asked.length}`,
          epoch: '00000000-0000-4000-8000-00000000000e',
          roles: ['picker', 'lead', 'packer'],
        }),
        { status: 201 },
      );
    };
    return { asked, fetchFn };
  };
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-00000000000${++n}`;

  it('keeps no device id when the token could not be kept, so enrolling again starts afresh', async () => {
    refusingShell('no encrypted storage (no keyring)', 'plain-text');
    const { asked, fetchFn } = fakeServer();
    const input = { code: '', name: 'station' };
    expect(await enroll(db, input, newId, fetchFn)).toMatchObject({ ok: false });
    expect(await readState(db, 'deviceId')).toBeUndefined();
    // The server knows the first id, whose token is lost: the next try does not name it.
    expect(await enroll(db, input, newId, fetchFn)).toMatchObject({ ok: false });
    expect(asked[0]!.deviceId).not.toBe(asked[1]!.deviceId);
  });

  it('sends its token when enrolling again only to the server that issued it', async () => {
    const shell = keepingShell({ serverUrl: 'https://a.lan:4780', deviceToken: null });
    const { asked, fetchFn } = fakeServer();
    const input = { code: '', name: 'station' };
    await enroll(db, input, newId, fetchFn);
    await enroll(db, input, newId, fetchFn);
    expect(asked[1]!.authorization).toBe(`Bearer fwd.${asked[0]!.deviceId}.t1`);
    // The desktop window's server is a setting: changed, the next server gets no token of A's.
    shell.settings = { ...shell.settings, serverUrl: 'https://b.example:4780' };
    await enroll(db, input, newId, fetchFn);
    expect(asked[2]).toEqual({ deviceId: asked[0]!.deviceId, authorization: null });
  });
});
