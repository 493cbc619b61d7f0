import { z } from 'zod';
import { sayIssues } from '../shared/say-issues';
import { fail, ok, type Result } from '../shared/result';
import {
  DEFAULT_SETTINGS,
  NO_KEYRING_FIX,
  SECRET_SETTINGS,
  type CredentialStorage,
  SETTINGS_FIELD_WORDS,
  SettingsPatchSchema,
  SettingsSchema,
  type Settings,
} from '../shared/ipc/settings';

// The slice of Electron's safeStorage used here (a fake in tests). getSelectedStorageBackend
// exists on Linux only.
export interface SecretBox {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

// On Linux without a keyring, isEncryptionAvailable() is true but the key is a constant built
// into Chromium (backend "basic_text"): that is clear text with extra steps.
export const credentialStorage = (secrets: SecretBox): CredentialStorage => {
  if (!secrets.isEncryptionAvailable()) return 'unavailable';
  return secrets.getSelectedStorageBackend?.() === 'basic_text' ? 'plain-text' : 'keyring';
};

export interface SettingsFiles {
  read(): Promise<string | null>;
  // Must replace the file atomically (write aside, then rename): a crash mid-write must not
  // leave a station without its server address or its token.
  write(text: string): Promise<void>;
}

// On disk, secrets are base64 of safeStorage's ciphertext under "encrypted:".
const StoredSchema = z.record(z.string(), z.unknown());
const ENCRYPTED = 'encrypted:';

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: unknown): Promise<Result<Settings>>;
}

export const createSettingsStore = (files: SettingsFiles, secrets: SecretBox): SettingsStore => {
  const decode = (stored: Record<string, unknown>): Settings => {
    const plain: Record<string, unknown> = { ...DEFAULT_SETTINGS, ...stored };
    for (const key of SECRET_SETTINGS) {
      const value = stored[key];
      if (typeof value !== 'string' || !value.startsWith(ENCRYPTED)) {
        // A secret stored in clear text (edited by hand) is not trusted: it is dropped.
        plain[key] = null;
        continue;
      }
      try {
        plain[key] = secrets.decryptString(Buffer.from(value.slice(ENCRYPTED.length), 'base64'));
      } catch {
        // Encrypted under another OS account or keyring: unreadable here, so enrol again.
        plain[key] = null;
      }
    }
    const parsed = SettingsSchema.safeParse(plain);
    return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
  };

  const get = async (): Promise<Settings> => {
    const text = await files.read();
    if (text === null) return { ...DEFAULT_SETTINGS };
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { ...DEFAULT_SETTINGS };
    }
    const stored = StoredSchema.safeParse(json);
    return stored.success ? decode(stored.data) : { ...DEFAULT_SETTINGS };
  };

  const update = async (patch: unknown): Promise<Result<Settings>> => {
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success)
      return fail(`settings not saved: ${sayIssues(parsed.error, SETTINGS_FIELD_WORDS)}`);
    const next: Settings = { ...(await get()), ...parsed.data };
    const stored: Record<string, unknown> = { ...next };
    for (const key of SECRET_SETTINGS) {
      const value = next[key];
      if (value === null) continue;
      const storage = credentialStorage(secrets);
      if (storage === 'unavailable') {
        return fail(
          `settings not saved: ${key} is a secret and this system offers no encrypted storage (no keyring)`,
        );
      }
      if (storage === 'plain-text' && !next.allowTokenWithoutKeyring) {
        return fail(`settings not saved: ${NO_KEYRING_FIX}`);
      }
      stored[key] = ENCRYPTED + secrets.encryptString(value).toString('base64');
    }
    await files.write(JSON.stringify(stored, null, 2));
    return ok(next);
  };

  return { get, update };
};
