import { z } from 'zod';

// 2,000 characters: what browsers and proxies carry everywhere; a server's address is far shorter.
const HttpUrlSchema = z
  .url({
    protocol: /^https?$/,
    error: 'must be a full http:// or https:// URL, such as https://fillwave.example:4780',
  })
  .max(2000, 'is too long: at most 2,000 characters');

// What the desktop shell keeps for this station. Secret fields are encrypted at rest.
export const SettingsSchema = z.object({
  // The sync server; null means the embedded one on this machine.
  serverUrl: HttpUrlSchema.nullable(),
  // The device token from enrollment; a secret.
  deviceToken: z.string().min(1).max(4096).nullable(),
  // A site's choice to keep the token where the system has no keyring (Linux without one):
  // encrypted with a key built into Chromium, so readable by anyone who can read the file.
  allowTokenWithoutKeyring: z.boolean().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();

// The settings as the setup screen names them, for a refused patch (shared/say-issues.ts).
export const SETTINGS_FIELD_WORDS = {
  serverUrl: 'the server address',
  deviceToken: "this device's token",
  allowTokenWithoutKeyring: 'storing the token without a keyring',
} as const;
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const SECRET_SETTINGS = ['deviceToken'] as const satisfies readonly (keyof Settings)[];

// How the shell can keep a secret here: under the OS keyring, only with the fixed key of
// Chromium's basic_text backend (Linux without a keyring), or not at all.
export type CredentialStorage = 'keyring' | 'plain-text' | 'unavailable';

// The one sentence that says what to do about a missing keyring.
export const NO_KEYRING_FIX =
  'This computer has no keyring, so the device token would be stored where anyone who can read its files can use it: enable a keyring (GNOME Keyring or KWallet) and start Fillwave again, or tick "Store the token without a keyring" on the setup screen.';

export const NO_ENCRYPTION =
  'This computer offers no encrypted storage for the device token: enable a keyring (GNOME Keyring or KWallet) and start Fillwave again.';

export const DEFAULT_SETTINGS: Settings = { serverUrl: null, deviceToken: null };
