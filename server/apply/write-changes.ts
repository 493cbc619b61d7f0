import { canonicalJson } from '../../shared/canonical-json';
import type { RowChange } from '../../shared/event-rules/tables';
import type { Queryable } from '../db/db';
import { entityOrder, snake, tableOf } from '../db/entity-tables';
import type { LockedRows } from './locked-rows';

type Row = Record<string, unknown>;

const snakeRow = (row: Row): Row => {
  const out: Row = {};
  for (const k in row) out[snake(k)] = row[k];
  return out;
};

const ident = (col: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(col)) throw new Error(`bad column name ${col}`);
  return col;
};

// Writes what a rule's draft changed, in one statement per table and kind: deletes first
// (children before parents), then inserts and updates (parents before children). A row the rule
// wrote back unchanged is not written, so it makes no change for devices to pull.
export const writeChanges = async (
  tx: Queryable,
  changes: readonly RowChange[],
  locked: LockedRows,
): Promise<void> => {
  const deletes = new Map<string, string[]>();
  const upserts = new Map<
    string,
    { table: string; kind: 'insert' | 'update'; cols: string[]; rows: Row[] }
  >();
  for (const c of changes) {
    const before = locked.loaded(c.entity, c.id);
    if (c.row === null) {
      if (before) deletes.set(c.entity, [...(deletes.get(c.entity) ?? []), c.id]);
      continue;
    }
    if (before && canonicalJson(before) === canonicalJson(c.row)) continue;
    const row = snakeRow(c.row);
    const cols = Object.keys(row).sort().map(ident);
    const kind = before ? 'update' : 'insert';
    const k = `${c.entity}|${kind}|${cols.join(',')}`;
    let group = upserts.get(k);
    if (!group) upserts.set(k, (group = { table: tableOf(c.entity), kind, cols, rows: [] }));
    group.rows.push(row);
  }
  const order = (k: string) => entityOrder(k.split('|')[0]!);
  for (const entity of [...deletes.keys()].sort((a, b) => entityOrder(b) - entityOrder(a))) {
    await tx.query(`DELETE FROM ${tableOf(entity)} WHERE id = ANY($1::text[])`, [
      deletes.get(entity)!.sort(),
    ]);
  }
  for (const k of [...upserts.keys()].sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))) {
    const { table, kind, cols, rows } = upserts.get(k)!;
    const json = JSON.stringify(rows);
    if (kind === 'insert') {
      await tx.query(
        `INSERT INTO ${table} (${cols.join(', ')})
         SELECT ${cols.join(', ')} FROM json_populate_recordset(null::${table}, $1::json)`,
        [json],
      );
    } else {
      const set = cols.filter((c) => c !== 'id').map((c) => `${c} = v.${c}`);
      await tx.query(
        `UPDATE ${table} t SET ${set.join(', ')}
           FROM json_populate_recordset(null::${table}, $1::json) v WHERE t.id = v.id`,
        [json],
      );
    }
  }
};
