import { z } from 'zod';

const HttpUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'must be a full http:// or https:// URL, such as https://fillwave.example:4780',
});

// What the desktop shell keeps for this station. Secret fields are encrypted at rest.
export const SettingsSchema = z.object({
  // The sync server; null means the embedded one on this machine.
  serverUrl: HttpUrlSchema.nullable(),
  // The device token from enrollment; a secret.
  deviceToken: z.string().min(1).max(4096).nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const SECRET_SETTINGS = ['deviceToken'] as const satisfies readonly (keyof Settings)[];

export const DEFAULT_SETTINGS: Settings = { serverUrl: null, deviceToken: null };
