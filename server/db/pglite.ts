import { PGlite, types } from '@electric-sql/pglite';
import { assertSchemaName, type Db, type Queryable } from './db';

// Timestamps stay text (ISO from to_jsonb or ::text casts); int8 counters fit in a double.
const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.TIMESTAMPTZ]: (v: string) => v,
  [types.TIMESTAMP]: (v: string) => v,
};

// PGlite is one connection. Several Db handles (one per schema, for replay) share it, so every
// operation takes a lock and sets its own search_path first.
export class PgliteHost {
  private tail: Promise<unknown> = Promise.resolve();
  private currentSchema: string | null = null;

  private constructor(readonly pg: PGlite) {}

  static async open(dataDir: string): Promise<PgliteHost> {
    const pg = new PGlite(dataDir, { parsers });
    await pg.waitReady;
    await pg.exec("SET TIME ZONE 'UTC'");
    return new PgliteHost(pg);
  }

  locked<T>(schema: string, fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      if (this.currentSchema !== schema) {
        await this.pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema}`);
        this.currentSchema = schema;
      }
      return fn();
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  db(schema = 'public'): Db {
    assertSchemaName(schema);
    const pg = this.pg;
    const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
      query: async <T>(sql: string, params?: readonly unknown[]) =>
        (await q.query<T>(sql, params as unknown[])).rows,
      exec: async (sql: string) => {
        await q.exec(sql);
      },
    });
    const direct = wrap(pg);
    return {
      kind: 'pglite',
      schema,
      query: (sql, params) => this.locked(schema, () => direct.query(sql, params)),
      exec: (sql) => this.locked(schema, () => direct.exec(sql)),
      transaction: (fn) => this.locked(schema, () => pg.transaction((tx) => fn(wrap(tx)))),
      close: async () => {},
    };
  }

  close(): Promise<void> {
    return this.pg.close();
  }
}

export const openPglite = async (dataDir: string, schema = 'public'): Promise<Db> => {
  const host = await PgliteHost.open(dataDir);
  const db = host.db(schema);
  return { ...db, close: () => host.close() };
};
