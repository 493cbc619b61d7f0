import type { EntityName, EntityRow } from '../domain/entities';

// The device's copy of the server's rows, as the pure local rules see it. The sync engine backs
// it with its database; tests back it with maps.
export interface Tables {
  get<E extends EntityName>(entity: E, id: string): EntityRow<E> | undefined;
  // Rows whose `field` equals `value` (the device indexes the fields the rules ask by).
  where<E extends EntityName>(
    entity: E,
    field: keyof EntityRow<E> & string,
    value: unknown,
  ): EntityRow<E>[];
}

export interface RowChange {
  entity: EntityName;
  id: string;
  // null: the row is gone.
  row: Record<string, unknown> | null;
}

const key = (entity: string, id: string) => `${entity}|${id}`;

// Tables in memory: rows by entity and id.
export const memoryTables = (
  rows: Iterable<{ entity: EntityName; id: string; row: Record<string, unknown> }> = [],
): Tables & {
  put(entity: EntityName, id: string, row: Record<string, unknown> | null): void;
  entries(): { entity: EntityName; id: string; row: Record<string, unknown> }[];
} => {
  const byKey = new Map<string, { entity: EntityName; id: string; row: Record<string, unknown> }>();
  for (const r of rows) byKey.set(key(r.entity, r.id), r);
  return {
    get: (entity, id) => byKey.get(key(entity, id))?.row as never,
    where: (entity, field, value) =>
      [...byKey.values()]
        .filter((r) => r.entity === entity && r.row[field] === value)
        .map((r) => r.row) as never,
    put: (entity, id, row) => {
      if (row) byKey.set(key(entity, id), { entity, id, row });
      else byKey.delete(key(entity, id));
    },
    entries: () => [...byKey.values()],
  };
};

// Changes laid over tables: what a pending event did, on top of the pulled rows.
export const overlay = (base: Tables, changes: readonly RowChange[]): Tables => {
  const over = new Map<string, RowChange>();
  for (const c of changes) over.set(key(c.entity, c.id), c);
  return {
    get: (entity, id) => {
      const c = over.get(key(entity, id));
      return c ? ((c.row ?? undefined) as never) : base.get(entity, id);
    },
    where: (entity, field, value) => {
      const fromBase = base
        .where(entity, field, value)
        .filter((r) => !over.has(key(entity, (r as { id: string }).id)));
      const fromOver = [...over.values()]
        .filter((c) => c.entity === entity && c.row && c.row[field] === value)
        .map((c) => c.row);
      return [...fromBase, ...fromOver] as never;
    },
  };
};
