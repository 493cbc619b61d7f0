import { useLiveQuery } from 'dexie-react-hooks';
import { computePendingView, type PendingView } from '../../sync/pending-view';
import { db } from '../db';

// The waiting events laid over the pulled rows; recomputed when the outbox or the rows change.
export const usePendingView = (): PendingView | undefined =>
  useLiveQuery(() => computePendingView(db), []);

// Pulled rows and the waiting events laid over them, read in one live query and one read
// transaction. Read by two live queries they update at different moments: a pull writes rows
// and retires the events they answer in one transaction, and for a render a screen showed the
// rows from before it without the events, remounting what showed them and losing what a person
// had chosen or typed there.
export const useLiveWithPending = <T>(
  read: () => Promise<T>,
  deps: unknown[],
): { pulled: T; view: PendingView } | undefined =>
  useLiveQuery(
    () =>
      db.transaction('r', db.tables, async () => ({
        pulled: await read(),
        view: await computePendingView(db),
      })),
    deps,
  );

// Events the server has not answered yet, and those to send again to a restored server.
export const useOutboxCount = (): number | undefined =>
  useLiveQuery(() => db.outbox.where('status').anyOf(['pending', 'resend']).count(), []);
