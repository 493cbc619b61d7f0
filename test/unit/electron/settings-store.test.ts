import { describe, expect, it } from 'vitest';
import {
  createSettingsStore,
  type SecretBox,
  type SettingsFiles,
} from '../../../electron/settings-store';

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
    expect(!saved.ok && saved.reason).toMatch(/^settings not saved: serverUrl: /);
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
});
