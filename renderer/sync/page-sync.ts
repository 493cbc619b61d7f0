import { db } from '../db/db';
import { useAppStore } from '../stores/app-store';
import { startSyncRunner } from './runner';

// Starts this page's sync loop (main.tsx, once); its wake lives in the store, not in this module.
export const startPageSync = () => {
  const runner = startSyncRunner(db, (s) => useAppStore.getState().setSyncStatus(s));
  useAppStore.getState().setWake(() => runner.wake());
};

// A person just did something: push it now rather than at the next round.
export const wakeSync = () => useAppStore.getState().wake();
