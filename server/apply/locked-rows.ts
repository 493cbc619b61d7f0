import type { EntityName } from '../../shared/domain/entities';
import type { Tables } from '../../shared/event-rules/tables';
import type { Queryable } from '../db/db';
import { entityOrder, READ_ONLY, snake, tableOf } from '../db/entity-tables';
import { toApiRow } from '../db/rows';

type Row = Record<string, unknown>;
export type RowRead =
  { entity: EntityName; id: string } | { entity: EntityName; field: string; value: unknown };

const rowKey = (entity: string, id: string) => `${entity}|${id}`;
const fieldKey = (entity: string, field: string, value: unknown) =>
  `${entity}|${field}|${JSON.stringify(value)}`;

// The rows one event's rule has read, each locked in this transaction. A read of a row not yet
// loaded is a miss: the rule's run is thrown away, the misses are loaded (in key order, locked)
// and the rule runs again, until a run reads nothing new. So the rule reads exactly the rows the
// server has locked, and a rule cannot read around its locks.
export class LockedRows implements Tables {
  private readonly rows = new Map<string, Row | null>();
  private readonly byEntity = new Map<string, Map<string, Row>>();
  private readonly fields = new Set<string>();
  private missedIds = new Map<string, Set<string>>();
  private missedFields = new Map<
    string,
    { entity: EntityName; field: string; values: Map<string, unknown> }
  >();

  get<E extends EntityName>(entity: E, id: string): never {
    const k = rowKey(entity, id);
    if (this.rows.has(k)) return (this.rows.get(k) ?? undefined) as never;
    let ids = this.missedIds.get(entity);
    if (!ids) this.missedIds.set(entity, (ids = new Set()));
    ids.add(id);
    return undefined as never;
  }

  where<E extends EntityName>(entity: E, field: string, value: unknown): never {
    if (!this.fields.has(fieldKey(entity, field, value))) {
      const k = `${entity}|${field}`;
      let miss = this.missedFields.get(k);
      if (!miss) this.missedFields.set(k, (miss = { entity, field, values: new Map() }));
      miss.values.set(JSON.stringify(value), value);
      return [] as never;
    }
    const out: Row[] = [];
    for (const row of this.byEntity.get(entity)?.values() ?? [])
      if (row[field] === value) out.push(row);
    return out as never;
  }

  // What the rule read that this transaction has not loaded yet.
  missed(): boolean {
    return this.missedIds.size > 0 || this.missedFields.size > 0;
  }

  // The row as loaded (what a write compares with); undefined when never read.
  loaded(entity: string, id: string): Row | null | undefined {
    return this.rows.get(rowKey(entity, id));
  }

  // Records reads not loaded yet as misses (read hints: rule-reads.ts).
  want(reads: readonly RowRead[]): void {
    for (const r of reads) {
      if ('id' in r) this.get(r.entity, r.id);
      else this.where(r.entity, r.field, r.value);
    }
  }

  // The rows loaded so far, read without recording misses (for read hints).
  peek(): Tables {
    return {
      get: (entity, id) => (this.rows.get(rowKey(entity, id)) ?? undefined) as never,
      where: (entity, field, value) =>
        (this.fields.has(fieldKey(entity, field, value))
          ? [...(this.byEntity.get(entity)?.values() ?? [])].filter((r) => r[field] === value)
          : []) as never,
    };
  }

  // Loads the misses in one statement: table by table in foreign-key order, each table's rows
  // in id order (each part a locking CTE, read in turn), so two events locking the same rows take
  // them in the same order, and a round of reads costs one round trip.
  async load(tx: Queryable): Promise<void> {
    const entities = [
      ...new Set([
        ...this.missedIds.keys(),
        ...[...this.missedFields.values()].map((m) => m.entity),
      ]),
    ];
    entities.sort((a, b) => entityOrder(a) - entityOrder(b));
    const ids = this.missedIds;
    const fields = [...this.missedFields.values()];
    this.missedIds = new Map();
    this.missedFields = new Map();
    const parts: { entity: string; sql: string }[] = [];
    const params: unknown[] = [];
    const done: (() => void)[] = [];
    for (const entity of entities) {
      const table = tableOf(entity);
      const lock = READ_ONLY.has(entity) ? 'FOR SHARE' : 'FOR UPDATE';
      const wanted = [...(ids.get(entity) ?? [])].sort();
      if (wanted.length) {
        params.push(wanted);
        parts.push({
          entity,
          sql: `SELECT to_jsonb(t) AS row FROM ${table} t WHERE t.id = ANY($${params.length}::text[]) ORDER BY t.id ${lock}`,
        });
        done.push(() => {
          for (const id of wanted)
            if (!this.rows.has(rowKey(entity, id))) this.rows.set(rowKey(entity, id), null);
        });
      }
      for (const m of fields.filter((f) => f.entity === entity)) {
        const values = [...m.values.values()];
        const col = snake(m.field);
        params.push(values.filter((v) => v !== null));
        parts.push({
          entity,
          sql: `SELECT to_jsonb(t) AS row FROM ${table} t
                 WHERE t.${col} = ANY($${params.length})${values.includes(null) ? ` OR t.${col} IS NULL` : ''}
                 ORDER BY t.id ${lock}`,
        });
        done.push(() => {
          for (const v of values) this.fields.add(fieldKey(entity, m.field, v));
        });
      }
    }
    if (parts.length === 0) return;
    const found = await tx.query<{ part: number; row: Row }>(
      `WITH ${parts.map((p, i) => `p${i} AS (${p.sql})`).join(',\n')}
       ${parts.map((_, i) => `SELECT ${i} AS part, row FROM p${i}`).join('\nUNION ALL ')}`,
      params,
    );
    for (const { part, row } of found) this.keep(parts[part]!.entity, toApiRow(row));
    for (const d of done) d();
  }

  private keep(entity: string, row: Row): void {
    const id = String(row.id);
    const k = rowKey(entity, id);
    // A row read twice is the same row: this transaction holds its lock.
    if (this.rows.get(k)) return;
    this.rows.set(k, row);
    let m = this.byEntity.get(entity);
    if (!m) this.byEntity.set(entity, (m = new Map()));
    m.set(id, row);
  }
}
