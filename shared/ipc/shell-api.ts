import { z } from 'zod';
import type { Result } from '../result';
import type { ShellMethod } from './channels';
import {
  SettingsPatchSchema,
  type CredentialStorage,
  type Settings,
  type SettingsPatch,
} from './settings';

// The one object the preload script exposes to the renderer as window.fillwave.
export interface ShellApi {
  getVersion(): Promise<string>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Result<Settings>>;
  credentialStorage(): Promise<CredentialStorage>;
}

// The arguments each IPC call may carry; the main process refuses anything else.
export const SHELL_ARGS = {
  getVersion: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([SettingsPatchSchema]),
  credentialStorage: z.tuple([]),
} as const satisfies Record<ShellMethod, z.ZodTuple>;
