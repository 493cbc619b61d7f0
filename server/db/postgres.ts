import pg from 'pg';
import { assertSchemaName, type Db, type Queryable } from './db';

const INT8 = 20;
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === TIMESTAMPTZ || oid === TIMESTAMP) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

// A pool per schema: search_path and the time zone are fixed per connection at connect.
export const openPostgres = async (url: string, schema = 'public', max = 8): Promise<Db> => {
  assertSchemaName(schema);
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: types as pg.CustomTypesConfig,
    options: `-c search_path=${schema} -c TimeZone=UTC`,
  });
  // A connection that drops while idle must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await q.query(sql, params as unknown[])).rows as T[],
    exec: async (sql: string) => {
      await q.query(sql);
    },
  });
  const direct = wrap(pool);
  return {
    kind: 'postgres',
    schema,
    query: direct.query,
    exec: direct.exec,
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    reserve: async () => {
      const client = await pool.connect();
      return { ...wrap(client), release: (broken = false) => client.release(broken) };
    },
    close: () => pool.end(),
  };
};
