import type { Db } from '../db/db';
import { applyAndRecord } from './record';
import type { EventRegistry } from './registry';

interface LoggedRow {
  id: string;
  source: 'device' | 'server' | 'admin';
  device_id: string | null;
  epoch: string | null;
  seq: number | null;
  operator_id: string | null;
  type: string;
  payload: unknown;
  at: string;
  received_at: string;
  content_hash: string;
  device_at: string | null;
  time_zone: string | null;
  business_date: string;
}

// Rebuilds state by applying the accepted events of `from`, in log order, to an empty `to`.
// Every event must be accepted again: a rejection means state was changed outside the log.
export const replayLog = async (
  from: Db,
  to: Db,
  registry: EventRegistry,
  pageSize = 500,
): Promise<number> => {
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = await from.query<LoggedRow & { log_id: number }>(
      `SELECT log_id, id, source, device_id, epoch, seq, operator_id, type, payload,
              to_jsonb(at) #>> '{}' AS at, to_jsonb(received_at) #>> '{}' AS received_at, content_hash,
              to_jsonb(device_at) #>> '{}' AS device_at, time_zone,
              -- Events logged before business time: their rules used the UTC date of the receipt.
              coalesce(business_date, (received_at AT TIME ZONE 'UTC')::date)::text AS business_date
         FROM events WHERE status = 'accepted' AND log_id > $1 ORDER BY log_id LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) return count;
    for (const r of rows) {
      const outcome = await to.transaction((tx) =>
        applyAndRecord(tx, registry, {
          id: r.id,
          type: r.type,
          source: r.source,
          deviceId: r.device_id,
          operatorId: r.operator_id,
          at: r.at,
          receivedAt: r.received_at,
          payload: r.payload,
          epoch: r.epoch,
          seq: r.seq,
          contentHash: r.content_hash,
          deviceAt: r.device_at,
          timeZone: r.time_zone,
          // What the event's rules read when it was first applied, never today's setting.
          businessDate: r.business_date,
        }),
      );
      if (!outcome.ok)
        throw new Error(
          `replay: event ${r.id} (${r.type}) was rejected on replay: ${outcome.message}`,
        );
      count++;
    }
    after = rows[rows.length - 1]!.log_id;
  }
};
