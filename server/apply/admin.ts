import {
  DeviceRevokedSchema,
  EnrollmentCodeIssuedSchema,
  OperatorChangedSchema,
  OperatorCreatedSchema,
  OperatorDeactivatedSchema,
  OperatorPinResetSchema,
  TimeZoneSetSchema,
} from '../../shared/sync-api/events/admin';
import { ALL_ROLES } from '../../shared/auth/roles';
import type { Queryable } from '../db/db';
import { accepted, defineEventType, rejected } from '../events/registry';

// Sign-in finds a badge in any case (a handheld types 'pi1' for 'PI1'), so two badges that differ
// only by case would be one badge to the floor. The admin routes refuse such a badge before
// they record it (badgeCaseClash); the rules here refuse only the same badge exactly, so a log
// from before that check replays as it was accepted.
export const badgeCaseClash = async (tx: Queryable, badge: string, id: string) => {
  const [other] = await tx.query<{ id: string; badge: string; name: string }>(
    'SELECT id, badge, name FROM operators WHERE lower(badge) = lower($1) AND id <> $2 ORDER BY id LIMIT 1',
    [badge, id],
  );
  if (!other) return null;
  return rejected(
    'badge-taken',
    other.badge === badge
      ? `Badge ${badge} belongs to operator ${other.id}.`
      : `Badge ${badge} differs only by case from badge ${other.badge} of ${other.name} (operator ${other.id}); sign-in reads badges in any case, so choose another badge.`,
  );
};

const badgeClash = async (tx: Queryable, badge: string, id: string) => {
  const [other] = await tx.query<{ id: string }>(
    'SELECT id FROM operators WHERE badge = $1 AND id <> $2 LIMIT 1',
    [badge, id],
  );
  return other ? rejected('badge-taken', `Badge ${badge} belongs to operator ${other.id}.`) : null;
};

export const operatorCreated = defineEventType({
  type: 'admin.operator-created',
  from: ['admin'],
  payload: OperatorCreatedSchema,
  apply: async (tx, o) => {
    const [same] = await tx.query('SELECT 1 FROM operators WHERE id = $1', [o.id]);
    if (same) return rejected('operator-exists', `There is already an operator ${o.id}.`);
    const clash = await badgeClash(tx, o.badge, o.id);
    if (clash) return clash;
    await tx.query(
      'INSERT INTO operators (id, badge, name, role, active, pin_hash, pin_salt, pin_iterations) VALUES ($1, $2, $3, $4, true, $5, $6, $7)',
      [o.id, o.badge, o.name, o.role, o.pin.pinHash, o.pin.pinSalt, o.pin.pinIterations],
    );
    return accepted;
  },
});

export const operatorChanged = defineEventType({
  type: 'admin.operator-changed',
  from: ['admin'],
  payload: OperatorChangedSchema,
  apply: async (tx, o) => {
    const [op] = await tx.query('SELECT 1 FROM operators WHERE id = $1 FOR UPDATE', [o.id]);
    if (!op) return rejected('unknown-operator', `There is no operator ${o.id}.`);
    const clash = o.badge ? await badgeClash(tx, o.badge, o.id) : null;
    if (clash) return clash;
    await tx.query(
      'UPDATE operators SET badge = coalesce($2, badge), name = coalesce($3, name), role = coalesce($4, role) WHERE id = $1',
      [o.id, o.badge ?? null, o.name ?? null, o.role ?? null],
    );
    return accepted;
  },
});

export const operatorDeactivated = defineEventType({
  type: 'admin.operator-deactivated',
  from: ['admin'],
  payload: OperatorDeactivatedSchema,
  apply: async (tx, { id }) => {
    const rows = await tx.query('UPDATE operators SET active = false WHERE id = $1 RETURNING id', [
      id,
    ]);
    return rows.length ? accepted : rejected('unknown-operator', `There is no operator ${id}.`);
  },
});

export const operatorPinReset = defineEventType({
  type: 'admin.operator-pin-reset',
  from: ['admin'],
  payload: OperatorPinResetSchema,
  apply: async (tx, { id, pin }) => {
    const rows = await tx.query(
      // A new PIN lifts the PIN lock too (shared/auth/pin-lock.ts): the old one was forgotten.
      `UPDATE operators SET pin_hash = $2, pin_salt = $3, pin_iterations = $4, wrong_pins = 0,
              pin_locked_until = NULL WHERE id = $1 RETURNING id`,
      [id, pin.pinHash, pin.pinSalt, pin.pinIterations],
    );
    return rows.length ? accepted : rejected('unknown-operator', `There is no operator ${id}.`);
  },
});

// Devices are not part of the replayed state; the revocation is logged all the same.
export const deviceRevoked = defineEventType({
  type: 'admin.device-revoked',
  from: ['admin'],
  payload: DeviceRevokedSchema,
  apply: async (tx, { deviceId }, event) => {
    const rows = await tx.query(
      'UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [deviceId, event.receivedAt],
    );
    if (rows.length) return accepted;
    const [known] = await tx.query('SELECT 1 FROM devices WHERE id = $1', [deviceId]);
    return known ? accepted : rejected('unknown-device', `There is no device ${deviceId}.`);
  },
});

// Only the code's hash is logged and stored; the code itself is shown once, to the admin.
export const enrollmentCodeIssued = defineEventType({
  type: 'admin.enrollment-code-issued',
  from: ['admin'],
  payload: EnrollmentCodeIssuedSchema,
  apply: async (tx, { codeHash, expiresAt, roles, deviceId }, event) => {
    await tx.query(
      `INSERT INTO enrollment_codes (code_hash, created_at, expires_at, roles, device_id)
       VALUES ($1, $2, $3, (SELECT array_agg(r) FROM jsonb_array_elements_text($4::jsonb) AS r), $5)
       ON CONFLICT DO NOTHING`,
      [codeHash, event.receivedAt, expiresAt, JSON.stringify(roles ?? ALL_ROLES), deviceId ?? null],
    );
    return accepted;
  },
});

// Later events are dated in the new zone; those already logged keep the date they were given.
export const timeZoneSet = defineEventType({
  type: 'admin.time-zone-set',
  from: ['admin'],
  payload: TimeZoneSetSchema,
  apply: async (tx, { timeZone }) => {
    await tx.query(
      `INSERT INTO warehouse_settings (id, time_zone) VALUES ('warehouse', $1)
       ON CONFLICT (id) DO UPDATE SET time_zone = EXCLUDED.time_zone`,
      [timeZone],
    );
    return accepted;
  },
});
