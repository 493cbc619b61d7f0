import { useLiveQuery } from 'dexie-react-hooks';
import { sentFacts } from '../../sync/sent';
import { KEYS, readState, type ClockAhead, type DeviceIdentity } from '../../sync/sync-state';
import { db } from '../db';

export interface SyncFacts {
  enrolled: boolean;
  needsEnrollment: boolean;
  lastSync: string | null;
  lastError: { kind: string; reason: string; at: string } | null;
  pulled: { records: number; pages: number } | null;
  // Events kept after sending, in case the server is restored from a backup.
  sent: { count: number; oldest: string | null };
  // The server found this device's clock ahead on its last push.
  clockAhead: ClockAhead | null;
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
      sent: await sentFacts(db),
      clockAhead: (await readState<ClockAhead>(db, KEYS.clockAhead)) ?? null,
    };
  }, []);
