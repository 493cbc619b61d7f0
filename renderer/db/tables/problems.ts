import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db';

export const useRejectedEvents = () =>
  useLiveQuery(() => db.rejected.orderBy('answeredAt').reverse().toArray(), []);
export const useQuarantined = () => useLiveQuery(() => db.quarantine.toArray(), []);

// A person read the problem and dealt with it.
export const dismissRejected = (id: string) => db.rejected.delete(id);
