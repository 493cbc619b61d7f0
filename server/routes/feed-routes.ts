import type { FastifyInstance } from 'fastify';
import { describeIssues } from '../../shared/describe-issues';
import type { EventRecord } from '../../shared/domain/event-record';
import { orderStatus } from '../../shared/rules/order-status';
import { decodeCheckpoint, encodeCheckpoint } from '../../shared/sync-api/checkpoint';
import { FeedQuerySchema, type FeedPage, type OrderStanding } from '../../shared/sync-api/feed';
import type { BackorderLineStatus } from '../../shared/domain/backorder-line';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
import { holdsPosition, readChanges, STREAM_START } from '../sync/change-stream';

// The orders an event changed: the lines its transaction touched (same txid), grouped by order,
// as they stand now. Expected ship date: for lines in a live wave, the cut-off day when the line
// has one, else the day after the wave's release.
const ordersTouched = async (db: Db, txid: string): Promise<OrderStanding[]> => {
  const rows = await db.query<{
    order_id: string;
    id: string;
    status: BackorderLineStatus;
    qty_backordered: number;
    qty_shipped: number;
    ship_by: string | null;
  }>(
    `SELECT b.order_id, b.id, b.status, b.qty_backordered, b.qty_shipped,
            (SELECT min(coalesce(b.cutoff_at, w.released_at + interval '1 day'))::date::text
               FROM reservations r JOIN waves w ON w.id = r.wave_id
              WHERE r.backorder_line_id = b.id AND w.status IN ('released', 'picking')) AS ship_by
       FROM backorder_lines b
      WHERE b.order_id IN (SELECT DISTINCT c.row ->> 'order_id' FROM changes c
                            WHERE c.txid = $1::text::xid8 AND c.entity = 'backorderLine' AND c.row IS NOT NULL)
      ORDER BY b.order_id, b.id`,
    [txid],
  );
  const byOrder = new Map<string, typeof rows>();
  for (const r of rows) byOrder.set(r.order_id, [...(byOrder.get(r.order_id) ?? []), r]);
  return [...byOrder.entries()].map(([orderId, lines]) => {
    const dates = lines
      .map((l) => l.ship_by)
      .filter((d): d is string => d !== null)
      .sort();
    return {
      orderId,
      status: orderStatus(lines.map((l) => l.status)),
      lines: lines.map((l) => ({
        id: l.id,
        status: l.status,
        qtyBackordered: l.qty_backordered,
        qtyShipped: l.qty_shipped,
      })),
      expectedShipDate: dates.at(-1) ?? null,
    };
  });
};

// GET /api/v1/admin/events: accepted events for an OMS connector, in the change stream's order
// and with its never-skip guarantee, each with the orders it changed. Behind the admin token.
export const registerFeedRoute = (
  app: FastifyInstance,
  deps: { db: Db; databaseId: string; guard: (request: FastifyRequest) => Promise<void> },
): void => {
  app.get(
    '/api/v1/admin/events',
    { preHandler: deps.guard },
    async (request): Promise<FeedPage> => {
      const query = FeedQuerySchema.safeParse(request.query);
      if (!query.success)
        throw new HttpError(400, 'bad-request', `events: ${describeIssues(query.error)}`);
      let after = STREAM_START;
      if (query.data.after) {
        const checkpoint = decodeCheckpoint(query.data.after);
        if (!checkpoint.ok)
          throw new HttpError(400, 'bad-checkpoint', `events: ${checkpoint.reason}`);
        if (checkpoint.value.databaseId !== deps.databaseId) {
          throw new HttpError(
            410,
            'checkpoint-unknown',
            'This position was issued by another database: read the feed again from the start.',
          );
        }
        if (!(await holdsPosition(deps.db, checkpoint.value))) {
          throw new HttpError(
            410,
            'checkpoint-unknown',
            'This database does not hold the event this position names (it was restored from a backup or rolled back): read the feed again from the start; events already taken come again.',
          );
        }
        after = checkpoint.value;
      }
      const page = await readChanges(deps.db, after, query.data.limit, null, 'event');
      const events = [];
      for (const c of page.changes) {
        events.push({ event: c.row as EventRecord, orders: await ordersTouched(deps.db, c.txid) });
      }
      return {
        checkpoint: encodeCheckpoint({ databaseId: deps.databaseId, ...page.last }),
        hasMore: page.hasMore,
        events,
      };
    },
  );
};
