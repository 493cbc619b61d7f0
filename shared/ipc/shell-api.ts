import { z } from 'zod';
import type { Result } from '../result';
import type { ShellMethod } from './channels';
import {
  SettingsPatchSchema,
  type CredentialStorage,
  type Settings,
  type SettingsPatch,
} from './settings';

// What became of a print: sent to the printer the person chose, or the dialog cancelled. A
// printer's failure is a refusal with its reason.
export type PrintOutcome = 'printed' | 'cancelled';

// The one object the preload script exposes to the renderer as window.fillwave.
export interface ShellApi {
  getVersion(): Promise<string>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: SettingsPatch): Promise<Result<Settings>>;
  credentialStorage(): Promise<CredentialStorage>;
  // Prints the window as it is now, through the system's print dialog (print CSS decides what).
  print(): Promise<Result<PrintOutcome>>;
}

// The arguments each IPC call may carry; the main process refuses anything else.
export const SHELL_ARGS = {
  getVersion: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([SettingsPatchSchema]),
  credentialStorage: z.tuple([]),
  print: z.tuple([]),
} as const satisfies Record<ShellMethod, z.ZodTuple>;
