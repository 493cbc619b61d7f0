import { db } from '../db/db';
import { useAppStore } from '../stores/app-store';
import { startSyncRunner } from './runner';

let runner: ReturnType<typeof startSyncRunner> | null = null;

// Starts this page's sync loop (main.tsx); tests do not, and then waking is a no-op.
export const startPageSync = () => {
  runner ??= startSyncRunner(db, (s) => useAppStore.getState().setSyncStatus(s));
};

// A person just did something: push it now rather than at the next round.
export const wakeSync = () => runner?.wake();
