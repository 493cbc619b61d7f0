import type { OperatorRole } from '../../shared/domain/operator';
import type { FillwaveDb } from '../db/fillwave-db';

// What the device knows about its place in sync, kept in the syncState table.
// The server is the page's own origin (api.ts), so an identity names none.
export interface DeviceIdentity {
  deviceId: string;
  token: string;
  epoch: string;
  // The roles it may sign in; absent when enrolled before roles existed (then all).
  roles?: OperatorRole[];
  // The desktop's server that issued the token (renderer/sync/enroll.ts): sent to no other.
  server?: string;
}

export const readState = async <T>(db: FillwaveDb, key: string): Promise<T | undefined> =>
  (await db.syncState.get(key))?.value as T | undefined;

export const writeState = (db: FillwaveDb, key: string, value: unknown) =>
  db.syncState.put({ key, value });

export const KEYS = {
  identity: 'identity',
  nextSeq: 'nextSeq',
  checkpoint: 'checkpoint',
  lastSync: 'lastSync',
  lastError: 'lastError',
  needsEnrollment: 'needsEnrollment',
  pullProgress: 'pullProgress',
  // The id of the last event the server accepted from this device, named in each push.
  lastAccepted: 'lastAccepted',
  // Events were taken back from `sent` to push again: ask for a new epoch first.
  needsEpoch: 'needsEpoch',
  // The warehouse's time zone, from the last pull page (absent: UTC).
  timeZone: 'timeZone',
  // The server's last word on this device's clock: { aheadMs, at } while it is ahead.
  clockAhead: 'clockAhead',
} as const;

// The server clamped an event's time to its own: this device's clock was this far ahead.
export interface ClockAhead {
  aheadMs: number;
  at: string;
}
