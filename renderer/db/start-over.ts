import { desktopShell } from '../platform/shell';
import type { FillwaveDb } from './fillwave-db';

// Start over on this device: every table emptied in one transaction (the enrollment, the device
// id, the pulled rows, the outbox), then the token the desktop shell keeps. Emptied rather than
// deleted, so other open tabs follow through their live queries instead of blocking a delete.
export const startOverOnDevice = async (db: FillwaveDb): Promise<void> => {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
  const shell = desktopShell();
  if (shell) await shell.updateSettings({ deviceToken: null });
};
