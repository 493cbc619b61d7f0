import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Db, Queryable } from '../db/db';

export interface Device {
  id: string;
  name: string;
}

// Tokens are stored as their SHA-256: a copy of the database does not hand out working tokens.
// A token is 32 random bytes, so a plain hash (no salt, no stretching) is enough.
export const hashToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export const newToken = (): string => `fwd_${randomBytes(32).toString('base64url')}`;

export const issueEpoch = async (q: Queryable, deviceId: string, clock: Clock): Promise<string> => {
  const epoch = randomUUID();
  await q.query('INSERT INTO device_epochs (epoch, device_id, issued_at) VALUES ($1, $2, $3)', [
    epoch,
    deviceId,
    clock.now().toISOString(),
  ]);
  return epoch;
};

export const createDevice = async (
  db: Db,
  name: string,
  clock: Clock,
  id: string = randomUUID(),
): Promise<{ device: Device; token: string; epoch: string }> => {
  const token = newToken();
  return db.transaction(async (tx) => {
    await tx.query(
      'INSERT INTO devices (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)',
      [id, name, hashToken(token), clock.now().toISOString()],
    );
    const epoch = await issueEpoch(tx, id, clock);
    return { device: { id, name }, token, epoch };
  });
};

export const deviceForToken = async (db: Db, token: string): Promise<Device | null> => {
  const rows = await db.query<Device>(
    'SELECT id, name FROM devices WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  return rows[0] ?? null;
};
