import type { Change } from '../../shared/sync-api/pull';
import type { EntityName } from '../../shared/domain/entities';
import type { Queryable } from '../db/db';
import { toEntityRow } from '../db/rows';

// tag: the random tag of the change at (txid, pos); null only at the start of the stream.
export interface StreamPosition {
  txid: string;
  pos: number;
  tag: string | null;
}

export const STREAM_START: StreamPosition = { txid: '0', pos: 0, tag: null };

// Whether this database holds the change a position names, with its tag. A restored (or rolled
// back) database reissues the same txids and positions, so only the tag can tell it apart.
export const holdsPosition = async (q: Queryable, at: StreamPosition): Promise<boolean> => {
  if (at.pos === 0 && at.txid === '0') return true;
  if (at.tag === null) return false;
  const rows = await q.query(
    'SELECT 1 FROM changes WHERE pos = $1::bigint AND txid = $2::text::xid8 AND tag = $3::bigint',
    [at.pos, at.txid, at.tag],
  );
  return rows.length > 0;
};

// Reads the change stream after a position. Why this never skips a row: positions (pos) are
// taken in one order and transactions commit in another, so "pos > last" alone would miss a
// transaction that took a lower pos and committed later. Instead the stream is read in
// (txid, pos) order and only for transactions below the snapshot's xmin: every transaction
// with a smaller id has finished, so no row can appear behind a position once handed out.
export const readChanges = async (
  q: Queryable,
  after: StreamPosition,
  limit: number,
  eventsSince: string | null,
  onlyEntity: EntityName | null = null,
): Promise<{
  changes: (Change & { txid: string; at: StreamPosition })[];
  last: StreamPosition;
  hasMore: boolean;
}> => {
  const rows = await q.query<{
    pos: number;
    txid: string;
    tag: string;
    entity: EntityName;
    id: string;
    row: Record<string, unknown> | null;
  }>(
    `SELECT c.pos, c.txid::text AS txid, c.tag::text AS tag, c.entity, c.id, c.row
       FROM changes c
      WHERE c.txid < pg_snapshot_xmin(pg_current_snapshot())
        AND (c.txid, c.pos) > ($1::text::xid8, $2::bigint)
        AND ($4::timestamptz IS NULL OR c.entity <> 'event' OR (c.row ->> 'at')::timestamptz >= $4::timestamptz)
        AND ($5::text IS NULL OR c.entity = $5)
      ORDER BY c.txid, c.pos
      LIMIT $3`,
    [after.txid, after.pos, limit + 1, eventsSince, onlyEntity],
  );
  const page = rows.slice(0, limit);
  const lastRow = page[page.length - 1];
  return {
    changes: page.map((r) => ({
      entity: r.entity,
      id: r.id,
      row: r.row && toEntityRow(r.entity, r.row),
      txid: r.txid,
      // Each change's own position: a reader that stops mid-page (the OMS connector) resumes there.
      at: { txid: r.txid, pos: Number(r.pos), tag: r.tag },
    })),
    last: lastRow ? { txid: lastRow.txid, pos: Number(lastRow.pos), tag: lastRow.tag } : after,
    hasMore: rows.length > limit,
  };
};
