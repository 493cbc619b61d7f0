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

export const saveIdentity = async (db: FillwaveDb, identity: DeviceIdentity): Promise<void> => {
  const shell = desktopShell();
  if (shell) {
    const saved = await shell.updateSettings({ deviceToken: identity.token });
    if (!saved.ok) throw new Error(saved.reason);
    await writeState(db, KEYS.identity, { ...identity, token: '' });
    return;
  }
  await writeState(db, KEYS.identity, identity);
};
