import type { Queryable } from '../db/db';
import type { StockOwner } from './connector';

// The connector's row in oms_connector_state (migration 013).
export interface ConnectorState {
  connector: string;
  checkpoint: string | null;
  importCursor: string | null;
  stockOwner: StockOwner;
  connected: boolean;
  lastImportAt: string | null;
  lastExportAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

const iso = (column: string) => `to_jsonb(${column}) #>> '{}'`;

export const readConnectorState = async (
  q: Queryable,
  connector: string,
): Promise<ConnectorState | null> => {
  const [row] = await q.query<ConnectorState>(
    `SELECT id AS connector, checkpoint, import_cursor AS "importCursor", stock_owner AS "stockOwner",
            connected, ${iso('last_import_at')} AS "lastImportAt", ${iso('last_export_at')} AS "lastExportAt",
            last_error AS "lastError", ${iso('last_error_at')} AS "lastErrorAt"
       FROM oms_connector_state WHERE id = $1`,
    [connector],
  );
  return row ?? null;
};

// Made at the connector's first start; a later start with another stock owner changes it.
export const ensureConnectorState = async (
  q: Queryable,
  connector: string,
  stockOwner: StockOwner,
): Promise<void> => {
  await q.query(
    `INSERT INTO oms_connector_state (id, stock_owner) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET stock_owner = EXCLUDED.stock_owner, updated_at = now()`,
    [connector, stockOwner],
  );
};

type Patch = Partial<{
  checkpoint: string;
  import_cursor: string | null;
  connected: boolean;
  last_import_at: string;
  last_export_at: string;
  last_error: string | null;
  last_error_at: string | null;
}>;

export const updateConnectorState = async (
  q: Queryable,
  connector: string,
  patch: Patch,
): Promise<void> => {
  const keys = Object.keys(patch) as (keyof Patch)[];
  if (keys.length === 0) return;
  const sets = keys.map((k, i) => `${k} = $${i + 2}`).join(', ');
  await q.query(`UPDATE oms_connector_state SET ${sets}, updated_at = now() WHERE id = $1`, [
    connector,
    ...keys.map((k) => patch[k]),
  ]);
};

// Events logged after the checkpoint that the connector has not looked at yet: its lag, counted
// up to LAG_COUNTED (health asks often; a connector far behind says "at least" that many).
export const LAG_COUNTED = 10_000;
export const eventsBehind = async (q: Queryable, txid: string, pos: number): Promise<number> => {
  const [row] = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM changes
      WHERE entity = 'event' AND (txid, pos) > ($1::text::xid8, $2::bigint) LIMIT $3) behind`,
    [txid, pos, LAG_COUNTED],
  );
  return row?.n ?? 0;
};
