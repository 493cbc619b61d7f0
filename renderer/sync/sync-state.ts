import type { OperatorRole } from '../../shared/domain/operator';
import type { FillwaveDb } from '../db/fillwave-db';

// What the device knows about its place in sync, kept in the syncState table.
export interface DeviceIdentity {
  serverUrl: string;
  deviceId: string;
  token: string;
  epoch: string;
  // The roles it may sign in; absent when enrolled before roles existed (then all).
  roles?: OperatorRole[];
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
} as const;
