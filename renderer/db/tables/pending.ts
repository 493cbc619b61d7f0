import { useLiveQuery } from 'dexie-react-hooks';
import { computePendingView, type PendingView } from '../../sync/pending-view';
import { db } from '../db';

// The waiting events laid over the pulled rows; recomputed when the outbox or the rows change.
export const usePendingView = (): PendingView | undefined =>
  useLiveQuery(() => computePendingView(db), []);

// Events the server has not answered yet, and those to send again to a restored server.
export const useOutboxCount = (): number | undefined =>
  useLiveQuery(() => db.outbox.where('status').anyOf(['pending', 'resend']).count(), []);
