import { randomUUID } from 'node:crypto';
import { businessDate } from '../../shared/time/business-date';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { contentHash } from './content-hash';
import { readTimeZone } from './business-time';
import { applyAndRecord } from './record';
import type { EventRegistry, Outcome } from './registry';

// Events the server makes itself (OMS actions, the demo seed) go through the same log, with a
// server source, so replaying the log rebuilds the whole state.
export const recordServerEvent = async (
  db: Db,
  registry: EventRegistry,
  clock: Clock,
  type: string,
  payload: unknown,
  id: string = randomUUID(),
  source: 'server' | 'admin' = 'server',
): Promise<Outcome> => {
  const now = clock.now().toISOString();
  const event = {
    id,
    type,
    source,
    deviceId: null,
    operatorId: null,
    at: now,
    receivedAt: now,
    payload,
  };
  return db.transaction(async (tx) => {
    const timeZone = await readTimeZone(tx);
    return applyAndRecord(tx, registry, {
      ...event,
      epoch: null,
      seq: null,
      contentHash: contentHash(event),
      deviceAt: null,
      timeZone,
      businessDate: businessDate(now, timeZone),
    });
  });
};
