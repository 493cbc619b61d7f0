import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock';
import type { OperatorRole } from '../../shared/domain/operator';
import type { Db, Queryable } from '../db/db';

export interface Device {
  id: string;
  name: string;
  // The roles it may sign in: it pulls only their PIN records.
  roles: OperatorRole[];
}

// A token is `fwd.<deviceId>.<secret>`: the device id finds the row, and the secret's SHA-256 is
// compared in constant time. Only the hash is stored, so a copy of the database hands out no
// working tokens; the secret is 32 random bytes, so a plain hash (no salt, no stretching) is enough.
export const hashToken = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');

const newSecret = (): string => randomBytes(32).toString('base64url');
const TOKEN = /^fwd\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

// The device id a token names, or null when it is not a token's shape.
export const tokenDeviceId = (token: string): string | null => TOKEN.exec(token)?.[1] ?? null;

// Whether the token's secret is the one whose hash is stored, in constant time.
export const tokenMatches = (token: string, storedHash: string): boolean => {
  const match = TOKEN.exec(token);
  if (!match) return false;
  const given = Buffer.from(hashToken(match[2]!), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
};

export const issueEpoch = async (q: Queryable, deviceId: string, clock: Clock): Promise<string> => {
  const epoch = randomUUID();
  await q.query('INSERT INTO device_epochs (epoch, device_id, issued_at) VALUES ($1, $2, $3)', [
    epoch,
    deviceId,
    clock.now().toISOString(),
  ]);
  return epoch;
};

// $5, a JSON array of roles (or null), as text[]: the one array form both drivers pass alike.
const ROLES_PARAM = `(SELECT array_agg(r) FROM jsonb_array_elements_text($5::jsonb) AS r)`;

// Creates the device, or gives a device that enrolls again a new token and a new epoch: it keeps
// its id, and so its unsent events. Who may re-key an existing device is decided before this
// (server/auth/enroll-device.ts). roles null: a new device gets every role, an existing one
// keeps its own.
export const enrollDevice = async (
  q: Queryable,
  name: string,
  clock: Clock,
  id: string = randomUUID(),
  roles: readonly OperatorRole[] | null = null,
): Promise<{ device: Device; token: string; epoch: string }> => {
  const secret = newSecret();
  const [row] = await q.query<{ roles: OperatorRole[] }>(
    `INSERT INTO devices (id, name, token_hash, created_at, roles)
     VALUES ($1, $2, $3, $4, coalesce(${ROLES_PARAM}, ARRAY['picker', 'lead', 'packer']))
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, token_hash = EXCLUDED.token_hash, revoked_at = NULL,
       roles = coalesce(${ROLES_PARAM}, devices.roles)
     RETURNING to_jsonb(roles) AS roles`,
    [id, name, hashToken(secret), clock.now().toISOString(), roles && JSON.stringify(roles)],
  );
  const epoch = await issueEpoch(q, id, clock);
  return { device: { id, name, roles: row!.roles }, token: `fwd.${id}.${secret}`, epoch };
};

export const createDevice = (
  db: Db,
  name: string,
  clock: Clock,
  id?: string,
  roles: readonly OperatorRole[] | null = null,
) => db.transaction((tx) => enrollDevice(tx, name, clock, id, roles));

export const deviceForToken = async (q: Queryable, token: string): Promise<Device | null> => {
  const id = tokenDeviceId(token);
  if (!id) return null;
  const [row] = await q.query<Device & { token_hash: string }>(
    'SELECT id, name, to_jsonb(roles) AS roles, token_hash FROM devices WHERE id = $1 AND revoked_at IS NULL',
    [id],
  );
  return row && tokenMatches(token, row.token_hash)
    ? { id: row.id, name: row.name, roles: row.roles }
    : null;
};
