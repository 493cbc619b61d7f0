import { useLiveQuery } from 'dexie-react-hooks';
import {
  acknowledgeRefusal,
  dismissRefusal,
  listRefusals,
  unacknowledgedCount,
} from '../../sync/refusals';
import { db } from '../db';

// Events the server refused, each with its notice (renderer/sync/refusals.ts), newest first.
export const useRefusals = () => useLiveQuery(() => listRefusals(db), []);

// The bar's "n refused": the ones nobody has acknowledged.
export const useRefusedCount = () => useLiveQuery(() => unacknowledgedCount(db), []);

// `by`: the signed-in operator's id, or null.
export const acknowledge = (id: string, by: string | null) =>
  acknowledgeRefusal(db, id, by, new Date());
export const dismiss = (id: string, by: string | null) => dismissRefusal(db, id, by, new Date());
