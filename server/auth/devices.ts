import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock';
import type { Db, Queryable } from '../db/db';

export interface Device {
  id: string;
  name: string;
}

// A token is `fwd.<deviceId>.<secret>`: the device id finds the row, and the secret's SHA-256 is
// compared in constant time. Only the hash is stored, so a copy of the database hands out no
// working tokens; the secret is 32 random bytes, so a plain hash (no salt, no stretching) is enough.
export const hashToken = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

const newSecret = (): string => randomBytes(32).toString('base64url');
const TOKEN = /^fwd\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

export const issueEpoch = async (q: Queryable, deviceId: string, clock: Clock): Promise<string> => {
  const epoch = randomUUID();
  await q.query('INSERT INTO device_epochs (epoch, device_id, issued_at) VALUES ($1, $2, $3)', [
    epoch,
    deviceId,
    clock.now().toISOString(),
  ]);
  return epoch;
};

// Creates the device, or gives a device that enrolls again a new token and a new epoch: it keeps
// its id, and so its unsent events. A revoked device that enrolls again with a fresh code is back.
export const enrollDevice = async (
  q: Queryable,
  name: string,
  clock: Clock,
  id: string = randomUUID(),
): Promise<{ device: Device; token: string; epoch: string }> => {
  const secret = newSecret();
  await q.query(
    `INSERT INTO devices (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, token_hash = EXCLUDED.token_hash, revoked_at = NULL`,
    [id, name, hashToken(secret), clock.now().toISOString()],
  );
  const epoch = await issueEpoch(q, id, clock);
  return { device: { id, name }, token: `fwd.${id}.${secret}`, epoch };
};

export const createDevice = (db: Db, name: string, clock: Clock, id?: string) =>
  db.transaction((tx) => enrollDevice(tx, name, clock, id));

export const deviceForToken = async (db: Db, token: string): Promise<Device | null> => {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [row] = await db.query<Device & { token_hash: string }>(
    'SELECT id, name, token_hash FROM devices WHERE id = $1 AND revoked_at IS NULL',
    [match[1]],
  );
  if (!row) return null;
  const given = Buffer.from(hashToken(match[2]!), 'hex');
  const stored = Buffer.from(row.token_hash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored)
    ? { id: row.id, name: row.name }
    : null;
};
