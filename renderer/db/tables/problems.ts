import { useLiveQuery } from 'dexie-react-hooks';
import { discardParked, retryParked, syncLog } from '../../sync/park';
import { wakeSync } from '../../sync/page-sync';
import { db } from '../db';

export const useRejectedEvents = () =>
  useLiveQuery(() => db.rejected.orderBy('answeredAt').reverse().toArray(), []);
export const useQuarantined = () => useLiveQuery(() => db.quarantine.toArray(), []);
export const useSyncLog = () => useLiveQuery(() => syncLog(db), []);

// A parked event: send it again (after the events behind it), or drop it for good.
export const retryParkedEvent = async (id: string) => {
  await retryParked(db, id, new Date());
  wakeSync();
};
export const discardParkedEvent = (id: string) => discardParked(db, id, new Date());
