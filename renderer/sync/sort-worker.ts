/// <reference lib="webworker" />
// Checks and sorts pulled pages off the UI thread, so a first sync of 100,000 lines never
// stalls a screen.
import type { Change } from '../../shared/sync-api/pull';
import { sortPage } from './apply-page';

self.onmessage = (e: MessageEvent<{ id: number; changes: Change[]; at: string }>) => {
  const { id, changes, at } = e.data;
  (self as unknown as Worker).postMessage({ id, page: sortPage(changes, at) });
};
