// One interface over node-postgres (the embedded store and DATABASE_URL) and PGlite (read
// only to carry an old data folder over). SQL is written for PostgreSQL 15, the oldest
// supported; the embedded store is 18.
export type Row = Record<string, unknown>;

export interface Queryable {
  query<T = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  // Several statements, no parameters: migrations and resets.
  exec(sql: string): Promise<void>;
}

export interface ReservedConnection extends Queryable {
  // broken: the connection failed, so it is closed rather than given back to the pool.
  release(broken?: boolean): void;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  readonly schema: string;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  // One connection of its own, kept until released: what holds a session advisory lock (the OMS
  // connector's, server/oms/lock.ts). PostgreSQL only.
  reserve?(): Promise<ReservedConnection>;
  close(): Promise<void>;
}

// Schema names go into SQL text (search_path), so only plain identifiers are allowed.
export const assertSchemaName = (schema: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name "${schema}"`);
  return schema;
};
