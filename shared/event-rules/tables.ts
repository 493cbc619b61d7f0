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

// Tables in memory: rows by entity and id. `where` builds an index per entity and field the
// first time it is asked, so the local rules stay fast on a device holding thousands of rows
// (a pending view replays hundreds of events, each asking by field).
export const memoryTables = (
  rows: Iterable<{ entity: EntityName; id: string; row: Record<string, unknown> }> = [],
): Tables & {
  put(entity: EntityName, id: string, row: Record<string, unknown> | null): void;
  entries(): { entity: EntityName; id: string; row: Record<string, unknown> }[];
} => {
  const byEntity = new Map<EntityName, Map<string, Record<string, unknown>>>();
  const indexes = new Map<string, Map<unknown, Record<string, unknown>[]>>();
  const rowsOf = (entity: EntityName) => {
    let m = byEntity.get(entity);
    if (!m) byEntity.set(entity, (m = new Map()));
    return m;
  };
  const put = (entity: EntityName, id: string, row: Record<string, unknown> | null) => {
    if (row) rowsOf(entity).set(id, row);
    else rowsOf(entity).delete(id);
    for (const k of [...indexes.keys()]) if (k.startsWith(`${entity}|`)) indexes.delete(k);
  };
  for (const r of rows) rowsOf(r.entity).set(r.id, r.row);
  return {
    get: (entity, id) => byEntity.get(entity)?.get(id) as never,
    where: (entity, field, value) => {
      const k = key(entity, field);
      let index = indexes.get(k);
      if (!index) {
        index = new Map();
        for (const row of rowsOf(entity).values()) {
          const list = index.get(row[field]);
          if (list) list.push(row);
          else index.set(row[field], [row]);
        }
        indexes.set(k, index);
      }
      return [...(index.get(value) ?? [])] as never;
    },
    put,
    entries: () =>
      [...byEntity].flatMap(([entity, m]) => [...m].map(([id, row]) => ({ entity, id, row }))),
  };
};

// Changes laid over tables: what a pending event did, on top of the pulled rows. Given a Map, the
// overlay reads it live, so a caller adding changes one event at a time need not rebuild it.
export const overlay = (
  base: Tables,
  changes: readonly RowChange[] | ReadonlyMap<string, RowChange>,
): Tables => {
  let over: ReadonlyMap<string, RowChange>;
  if (changes instanceof Map) over = changes;
  else {
    const m = new Map<string, RowChange>();
    for (const c of changes as readonly RowChange[]) m.set(key(c.entity, c.id), c);
    over = m;
  }
  return {
    get: (entity, id) => {
      const c = over.get(key(entity, id));
      return c ? ((c.row ?? undefined) as never) : base.get(entity, id);
    },
    where: (entity, field, value) => {
      const fromBase = base
        .where(entity, field, value)
        .filter((r) => !over.has(key(entity, (r as { id: string }).id)));
      const fromOver: Record<string, unknown>[] = [];
      for (const c of over.values())
        if (c.entity === entity && c.row && c.row[field] === value) fromOver.push(c.row);
      return [...fromBase, ...fromOver] as never;
    },
  };
};

export const changeKey = key;
