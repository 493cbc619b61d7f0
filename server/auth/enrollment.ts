import { createHash, randomInt } from 'node:crypto';
import type { OperatorRole } from '../../shared/domain/operator';
import type { Clock } from '../clock';
import type { Queryable } from '../db/db';

// Codes are read off one screen and typed into another: 10 characters from an alphabet without
// look-alikes (no 0/O, 1/I/L), about 50 bits, valid for minutes, used once.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const DEFAULT_CODE_TTL_MIN = 15;

const hashCode = (code: string) =>
  createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');

// A new code; the admin.enrollment-code-issued event stores its hash.
export const newEnrollmentCode = (clock: Clock, ttlMinutes = DEFAULT_CODE_TTL_MIN) => {
  const raw = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const code = `${raw.slice(0, 5)}-${raw.slice(5)}`;
  const expiresAt = new Date(clock.now().getTime() + ttlMinutes * 60_000).toISOString();
  return { code, codeHash: hashCode(code), expiresAt };
};

export type CodeProblem = 'code-unknown' | 'code-used' | 'code-expired';

// What a usable code grants: the roles the device may sign in, and the one device it re-keys
// (null: a code for a new device).
export interface CodeGrant {
  roles: OperatorRole[];
  deviceId: string | null;
}

// Reads a code that can still be used, or says why not. Inside the enrolling transaction, which
// then marks it used (markCodeUsed) or, refused, rolls back and leaves it unused.
export const readEnrollmentCode = async (
  q: Queryable,
  code: string,
  clock: Clock,
): Promise<CodeProblem | CodeGrant> => {
  const [row] = await q.query<{
    used_at: string | null;
    expires_at: string;
    roles: OperatorRole[];
    device_id: string | null;
  }>(
    `SELECT used_at, to_jsonb(expires_at) #>> '{}' AS expires_at, to_jsonb(roles) AS roles, device_id
       FROM enrollment_codes WHERE code_hash = $1 FOR UPDATE`,
    [hashCode(code)],
  );
  if (!row) return 'code-unknown';
  if (row.used_at) return 'code-used';
  if (Date.parse(row.expires_at) <= clock.now().getTime()) return 'code-expired';
  return { roles: row.roles, deviceId: row.device_id };
};

export const markCodeUsed = async (q: Queryable, code: string, deviceId: string, clock: Clock) => {
  await q.query('UPDATE enrollment_codes SET used_at = $2, used_by = $3 WHERE code_hash = $1', [
    hashCode(code),
    clock.now().toISOString(),
    deviceId,
  ]);
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && LOOPBACK.has(address);
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host.startsWith('127.');
