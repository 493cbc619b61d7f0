import type { FillwaveDb } from '../db/fillwave-db';
import { KEYS, readState, writeState, type DeviceIdentity } from '../sync/sync-state';
import { desktopShell } from './shell';

// Where the device token lives: in the desktop app, encrypted by the shell (safeStorage); in a
// browser, in IndexedDB with the rest of the device's state.
export const loadIdentity = async (db: FillwaveDb): Promise<DeviceIdentity | null> => {
  const identity = await readState<DeviceIdentity>(db, KEYS.identity);
  if (!identity) return null;
  const shell = desktopShell();
  if (!shell) return identity;
  const { deviceToken } = await shell.getSettings();
  return deviceToken ? { ...identity, token: deviceToken } : null;
};

// Hands the token to the shell, if there is one, and returns the row to keep in IndexedDB: it
// is a step of its own so the row can be written in the same transaction as the rest of an
// enrollment (a shell call inside a Dexie transaction would end it).
export const secureToken = async (identity: DeviceIdentity): Promise<DeviceIdentity> => {
  const shell = desktopShell();
  if (!shell) return identity;
  const saved = await shell.updateSettings({ deviceToken: identity.token });
  if (!saved.ok) throw new Error(saved.reason);
  return { ...identity, token: '' };
};

export const saveIdentity = async (db: FillwaveDb, identity: DeviceIdentity): Promise<void> => {
  await writeState(db, KEYS.identity, await secureToken(identity));
};
