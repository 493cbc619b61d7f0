import type { Db, ReservedConnection } from '../db/db';

// One connector runs per database, however many server instances serve it: each instance tries a
// session advisory lock on a connection of its own, and only the holder runs rounds. The key is
// the database's id (server_meta), so schemas sharing one PostgreSQL (tests) do not collide. The
// lock goes with the connection: a killed instance frees it, and another takes over.
const LOCK_CLASS = 4780013;

export class ConnectorLock {
  private held: ReservedConnection | null = null;

  constructor(
    private readonly db: Db,
    private readonly databaseId: string,
  ) {}

  // True while this instance holds the lock; tries to take it when it does not.
  async hold(): Promise<boolean> {
    if (this.held) {
      try {
        await this.held.query('SELECT 1');
        return true;
      } catch {
        this.held.release(true);
        this.held = null;
      }
    }
    if (!this.db.reserve)
      throw new Error('the OMS connector needs PostgreSQL (this store is PGlite)');
    const connection = await this.db.reserve();
    try {
      const [row] = await connection.query<{ ok: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok',
        [LOCK_CLASS, this.databaseId],
      );
      if (row?.ok) {
        this.held = connection;
        return true;
      }
      connection.release();
      return false;
    } catch (error) {
      connection.release(true);
      throw error;
    }
  }

  async release(): Promise<void> {
    const connection = this.held;
    this.held = null;
    if (!connection) return;
    // Closing the connection frees the lock whatever happens to the unlock.
    await connection
      .query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, this.databaseId])
      .catch(() => undefined);
    connection.release(true);
  }
}
