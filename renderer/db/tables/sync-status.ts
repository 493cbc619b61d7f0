import { useLiveQuery } from 'dexie-react-hooks';
import { KEYS, readState, type DeviceIdentity } from '../../sync/sync-state';
import { db } from '../db';

export interface SyncFacts {
  enrolled: boolean;
  needsEnrollment: boolean;
  lastSync: string | null;
  lastError: { kind: string; reason: string; at: string } | null;
  pulled: { records: number; pages: number } | null;
}

export const useSyncFacts = (): SyncFacts | undefined =>
  useLiveQuery(async () => {
    const identity = await readState<DeviceIdentity>(db, KEYS.identity);
    return {
      enrolled: Boolean(identity),
      needsEnrollment: (await readState<boolean>(db, KEYS.needsEnrollment)) ?? false,
      lastSync: (await readState<string>(db, KEYS.lastSync)) ?? null,
      lastError: (await readState<SyncFacts['lastError']>(db, KEYS.lastError)) ?? null,
      pulled: (await readState<SyncFacts['pulled']>(db, KEYS.pullProgress)) ?? null,
    };
  }, []);
