import { describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  credentialStorage,
  type SecretBox,
  type SettingsFiles,
} from '../../../electron/settings-store';
import { NO_KEYRING_FIX } from '../../../shared/ipc/settings';

const memoryFile = (initial: string | null = null) => {
  const file = { text: initial, writes: 0 };
  const files: SettingsFiles = {
    read: async () => file.text,
    write: async (text) => {
      file.text = text;
      file.writes++;
    },
  };
  return { file, files };
};

const box = (available = true): SecretBox => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString(),
});

describe('settings store', () => {
  it('starts with the defaults: embedded server, no token', async () => {
    const { files } = memoryFile();
    expect(await createSettingsStore(files, box()).get()).toEqual({
      serverUrl: null,
      deviceToken: null,
    });
  });

  it('keeps the device token encrypted on disk and gives it back', async () => {
    const { file, files } = memoryFile();
    const store = createSettingsStore(files, box());
    const saved = await store.update({
      deviceToken: 'tok-secret-123',
      serverUrl: 'https://wms.example',
    });
    expect(saved.ok).toBe(true);
    expect(file.text).not.toContain('tok-secret-123');
    expect(JSON.parse(file.text!).deviceToken).toMatch(/^encrypted:/);
    expect(await store.get()).toEqual({
      deviceToken: 'tok-secret-123',
      serverUrl: 'https://wms.example',
    });
  });

  it('refuses to store a secret where the system cannot encrypt it, and writes nothing', async () => {
    const { file, files } = memoryFile();
    const saved = await createSettingsStore(files, box(false)).update({ deviceToken: 'tok' });
    expect(saved).toEqual({
      ok: false,
      reason:
        'settings not saved: deviceToken is a secret and this system offers no encrypted storage (no keyring)',
    });
    expect(file.writes).toBe(0);
  });

  it('refuses a bad patch by field, and writes nothing', async () => {
    const { file, files } = memoryFile();
    const saved = await createSettingsStore(files, box()).update({ serverUrl: 'not a url' });
    expect(saved.ok).toBe(false);
    expect(!saved.ok && saved.reason).toBe(
      'settings not saved: The server address must be a full http:// or https:// URL, such as https://fillwave.example:4780.',
    );
    expect(file.writes).toBe(0);
  });

  it('drops a token written in clear text by hand and survives a corrupt file', async () => {
    expect(
      await createSettingsStore(
        memoryFile('{"deviceToken":"plain","serverUrl":null}').files,
        box(),
      ).get(),
    ).toEqual({ serverUrl: null, deviceToken: null });
    expect(await createSettingsStore(memoryFile('{not json').files, box()).get()).toEqual({
      serverUrl: null,
      deviceToken: null,
    });
  });

  describe('on Linux without a keyring (safeStorage backend basic_text)', () => {
    const basicText = (): SecretBox => ({
      ...box(),
      getSelectedStorageBackend: () => 'basic_text',
    });

    it('tells a keyring from the fixed key and from nothing', () => {
      expect(credentialStorage(basicText())).toBe('plain-text');
      expect(
        credentialStorage({ ...box(), getSelectedStorageBackend: () => 'gnome_libsecret' }),
      ).toBe('keyring');
      // macOS and Windows have no such method: their stores are the system's own.
      expect(credentialStorage(box())).toBe('keyring');
      expect(credentialStorage(box(false))).toBe('unavailable');
    });

    it('refuses to store the token by default, says how to fix it, and writes nothing', async () => {
      const { file, files } = memoryFile();
      const saved = await createSettingsStore(files, basicText()).update({ deviceToken: 'tok' });
      expect(saved).toEqual({ ok: false, reason: `settings not saved: ${NO_KEYRING_FIX}` });
      expect(NO_KEYRING_FIX).toContain('enable a keyring');
      expect(file.writes).toBe(0);
    });

    it('stores it when the site has accepted that, and keeps that choice', async () => {
      const { file, files } = memoryFile();
      const store = createSettingsStore(files, basicText());
      expect(
        await store.update({ deviceToken: 'tok-1', allowTokenWithoutKeyring: true }),
      ).toMatchObject({ ok: true });
      expect(file.text).not.toContain('tok-1');
      expect(await store.update({ deviceToken: 'tok-2' })).toMatchObject({ ok: true });
      expect(await store.get()).toMatchObject({
        deviceToken: 'tok-2',
        allowTokenWithoutKeyring: true,
      });
    });
  });
});
