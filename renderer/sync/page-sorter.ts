import type { Change } from '../../shared/sync-api/pull';
import { sortPage, type SortedPage } from './apply-page';

export type PageSorter = (changes: readonly Change[], at: string) => Promise<SortedPage>;

export const sortInThread: PageSorter = async (changes, at) => sortPage(changes, at);

// In a browser, pages are checked in a worker; where workers are missing, on this thread.
export const createWorkerSorter = (): PageSorter => {
  if (typeof Worker === 'undefined') return sortInThread;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./sort-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return sortInThread;
  }
  let next = 0;
  const waiting = new Map<number, (page: SortedPage) => void>();
  worker.onmessage = (e: MessageEvent<{ id: number; page: SortedPage }>) => {
    waiting.get(e.data.id)?.(e.data.page);
    waiting.delete(e.data.id);
  };
  return (changes, at) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      worker.postMessage({ id, changes, at });
    });
};
