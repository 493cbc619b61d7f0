import type { EventEnvelope, EventResult } from '../../shared/sync-api/push';
import { businessDateIn } from '../../shared/time/business-date';
import { effectiveAt } from '../../shared/time/business-time';
import type { Clock } from '../clock';
import type { Db, Queryable } from '../db/db';
import { readTimeZone } from '../events/business-time';
import { contentHash } from '../events/content-hash';
import { applyAndRecord } from '../events/record';
import { retryConflicts } from '../db/retry-conflicts';
import type { EventRegistry, Refusal } from '../events/registry';

export class UnknownEpochError extends Error {
  constructor(readonly epoch: string) {
    super(
      `Epoch ${epoch} is not one this server issued to this device: ask for a new epoch and renumber.`,
    );
  }
}

interface FirstAnswer {
  details: Refusal[] | null;
  content_hash: string;
  status: 'accepted' | 'rejected';
  code: string | null;
  message: string | null;
}

const lockEpoch = async (tx: Queryable, deviceId: string, epoch: string): Promise<number> => {
  // FOR UPDATE: one event of a device at a time, across every server instance, so seq order
  // holds and an id is applied once even when two instances receive it together.
  const rows = await tx.query<{ next_seq: number }>(
    'SELECT next_seq FROM device_epochs WHERE epoch = $1 AND device_id = $2 FOR UPDATE',
    [epoch, deviceId],
  );
  if (!rows[0]) throw new UnknownEpochError(epoch);
  return rows[0].next_seq;
};

const advance = (tx: Queryable, epoch: string) =>
  tx.query('UPDATE device_epochs SET next_seq = next_seq + 1 WHERE epoch = $1', [epoch]);

type Step = { result: EventResult; stop: boolean };

// The warehouse's zone, read once per batch, and the business date of an instant in it.
interface Zone {
  name: string;
  dateOf: (at: string) => string;
}

const pushOne = async (
  tx: Queryable,
  registry: EventRegistry,
  clock: Clock,
  zone: Zone,
  e: EventEnvelope,
): Promise<Step> => {
  const expected = await lockEpoch(tx, e.deviceId, e.epoch);
  const hash = contentHash(e);
  const [first] = await tx.query<FirstAnswer & { epoch: string | null; seq: number | null }>(
    'SELECT content_hash, status, code, message, details, epoch, seq FROM events WHERE id = $1',
    [e.id],
  );
  if (first) {
    // Seen before. If it stands in the slot the device is at (renumbered into a new epoch
    // after a lost answer), it fills that slot.
    if (e.seq === expected) await advance(tx, e.epoch);
    if (first.content_hash !== hash) {
      return {
        result: {
          id: e.id,
          status: 'rejected',
          code: 'id-reused',
          message: `Event ${e.id} was already received with other content; the first one stands.`,
        },
        stop: false,
      };
    }
    const original =
      first.status === 'accepted'
        ? { status: 'accepted' as const, ...(first.details ? { refused: first.details } : {}) }
        : {
            status: 'rejected' as const,
            code: first.code ?? 'rejected',
            message: first.message ?? '',
          };
    return { result: { id: e.id, status: 'duplicate', original }, stop: false };
  }
  if (e.seq > expected) {
    return { result: { id: e.id, status: 'gap', expectedSeq: expected }, stop: true };
  }
  if (e.seq < expected) {
    return {
      result: {
        id: e.id,
        status: 'rejected',
        code: 'seq-reused',
        message: `Sequence number ${e.seq} of this epoch already belongs to another event; the device must renumber.`,
      },
      stop: false,
    };
  }
  const receivedAt = clock.now().toISOString();
  // The rules see when the work was done (offline yesterday is yesterday), bounded by now.
  const time = effectiveAt(e.at, receivedAt);
  const outcome = await applyAndRecord(tx, registry, {
    id: e.id,
    type: e.type,
    source: 'device',
    deviceId: e.deviceId,
    operatorId: e.operatorId,
    at: time.at,
    receivedAt,
    payload: e.payload,
    epoch: e.epoch,
    seq: e.seq,
    contentHash: hash,
    deviceAt: time.deviceAt,
    timeZone: zone.name,
    businessDate: zone.dateOf(time.at),
  });
  await advance(tx, e.epoch);
  // The device learns its clock is ahead, to tell the person (its sync status).
  const clockAhead = time.clockAheadMs === null ? {} : { clockAheadMs: time.clockAheadMs };
  return {
    result: outcome.ok
      ? {
          id: e.id,
          status: 'accepted',
          ...(outcome.refused?.length ? { refused: outcome.refused } : {}),
          ...clockAhead,
        }
      : {
          id: e.id,
          status: 'rejected',
          code: outcome.code,
          message: outcome.message,
          ...clockAhead,
        },
    stop: false,
  };
};

// Applies a device's batch in order, each event in its own transaction with its log entry.
// A rejected event does not stop the rest; a gap stops the batch, since everything after it
// is out of order too.
export const pushBatch = async (
  db: Db,
  registry: EventRegistry,
  clock: Clock,
  events: readonly EventEnvelope[],
): Promise<EventResult[]> => {
  const results: EventResult[] = [];
  // Once per batch: each event stores the zone it was dated in, so a change between two
  // batches (or during one) only dates later events differently, and replay reads what was stored.
  const name = await readTimeZone(db);
  const zone = { name, dateOf: businessDateIn(name) };
  for (let i = 0; i < events.length; i++) {
    const step = await retryConflicts(() =>
      db.transaction((tx) => pushOne(tx, registry, clock, zone, events[i]!)),
    );
    results.push(step.result);
    if (step.stop && step.result.status === 'gap') {
      const expectedSeq = step.result.expectedSeq;
      for (const rest of events.slice(i + 1))
        results.push({ id: rest.id, status: 'gap', expectedSeq });
      break;
    }
  }
  return results;
};
