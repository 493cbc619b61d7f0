import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { pinProblemForRole } from '../../shared/auth/pin-rule';
import { badgeCaseClash } from '../apply/admin';
import { describeIssues } from '../../shared/describe-issues';
import type { OperatorRole } from '../../shared/domain/operator';
import {
  EnrollmentCodeRequestSchema,
  OperatorChangeSchema,
  OperatorCreateSchema,
  PinResetSchema,
  TimeZoneRequestSchema,
} from '../../shared/sync-api/admin';
import {
  BackorderLineCancelledSchema,
  BackorderLinesAddedSchema,
  ExpectedReceiptRecordedSchema,
  StockReceivedSchema,
} from '../../shared/sync-api/events/oms';
import { ALL_ROLES, normalizeRoles } from '../../shared/auth/roles';
import { newEnrollmentCode } from '../auth/enrollment';
import { pinRecordsHeldBy } from '../auth/pin-records-held';
import { hashPin } from '../auth/pin-hash';
import { requireAdmin } from '../auth/require-admin';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
import { readTimeZone } from '../events/business-time';
import type { EventRegistry } from '../events/registry';
import { recordServerEvent } from '../events/server-events';
import { registerFeedRoute } from './feed-routes';

export interface AdminDeps {
  db: Db;
  registry: EventRegistry;
  clock: Clock;
  adminToken: string;
  databaseId: string;
}

const parse = <S extends z.ZodType>(schema: S, body: unknown, what: string): z.infer<S> => {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success)
    throw new HttpError(400, 'bad-request', `${what}: ${describeIssues(parsed.error)}`);
  return parsed.data;
};

// Refusals of a cancellation because units have shipped.
const SHIPPED_CODES = new Set(['line-shipped', 'more-than-owed']);

// The admin API: enrollment codes, devices, operators, and the OMS side. Registered only when the
// server has FILLWAVE_ADMIN_TOKEN. Every action is an event in the log with source "admin"; a
// refused action answers 422 with the rule's code and sentence.
export const registerAdminRoutes = (app: FastifyInstance, deps: AdminDeps): void => {
  const { db, registry, clock } = deps;
  const guard = { preHandler: requireAdmin(deps.adminToken, clock) };
  const refuseBadgeCaseClash = async (badge: string, id: string) => {
    const clash = await badgeCaseClash(db, badge, id);
    if (clash && !clash.ok) throw new HttpError(422, clash.code, clash.message);
  };

  const record = async (type: string, payload: unknown) => {
    const id = randomUUID();
    const outcome = await recordServerEvent(db, registry, clock, type, payload, id, 'admin');
    if (!outcome.ok) throw new HttpError(422, outcome.code, outcome.message);
    return { eventId: id };
  };

  // A code for a new device, or (deviceId) one that re-enrolls that device alone, keeping its
  // roles unless new ones are named.
  app.post('/api/v1/admin/enrollment-codes', guard, async (request, reply) => {
    const asked = parse(EnrollmentCodeRequestSchema, request.body, 'enrollment code');
    let roles = asked.roles ? normalizeRoles(asked.roles) : [...ALL_ROLES];
    if (asked.deviceId) {
      const [device] = await db.query<{ roles: OperatorRole[] }>(
        'SELECT to_jsonb(roles) AS roles FROM devices WHERE id = $1',
        [asked.deviceId],
      );
      if (!device)
        throw new HttpError(422, 'unknown-device', `There is no device ${asked.deviceId}.`);
      roles = asked.roles ? roles : device.roles;
    }
    const { code, codeHash, expiresAt } = newEnrollmentCode(clock, asked.ttlMinutes);
    const deviceId = asked.deviceId ? { deviceId: asked.deviceId } : {};
    await record('admin.enrollment-code-issued', { codeHash, expiresAt, roles, ...deviceId });
    reply.header('cache-control', 'no-store');
    return { code, expiresAt, roles, ...deviceId };
  });

  app.get('/api/v1/admin/devices', guard, async () => ({
    devices: await db.query(
      `SELECT id, name, to_jsonb(roles) AS roles, to_jsonb(created_at) #>> '{}' AS "createdAt", to_jsonb(revoked_at) #>> '{}' AS "revokedAt"
         FROM devices ORDER BY created_at, id`,
    ),
  }));

  // The answer names the operators whose PIN records the device held (the roles it could sign
  // in): a lost or stolen device can be searched offline for their PINs, so reset them.
  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/devices/:id/revoke',
    guard,
    async (request) => ({
      ...(await record('admin.device-revoked', { deviceId: request.params.id })),
      pinRecordsHeld: await pinRecordsHeldBy(db, request.params.id),
    }),
  );

  app.post('/api/v1/admin/operators', guard, async (request) => {
    const o = parse(OperatorCreateSchema, request.body, 'operator');
    const id = o.id ?? `op-${randomUUID()}`;
    await refuseBadgeCaseClash(o.badge, id);
    await record('admin.operator-created', {
      id,
      badge: o.badge,
      name: o.name,
      role: o.role,
      pin: hashPin(o.pin),
    });
    return { id };
  });

  app.patch<{ Params: { id: string } }>('/api/v1/admin/operators/:id', guard, async (request) => {
    const change = parse(OperatorChangeSchema, request.body, 'operator change');
    if (change.badge) await refuseBadgeCaseClash(change.badge, request.params.id);
    return record('admin.operator-changed', { id: request.params.id, ...change });
  });

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/operators/:id/deactivate',
    guard,
    async (request) => record('admin.operator-deactivated', { id: request.params.id }),
  );

  app.post<{ Params: { id: string } }>(
    '/api/v1/admin/operators/:id/pin',
    guard,
    async (request) => {
      const { pin } = parse(PinResetSchema, request.body, 'PIN');
      const [operator] = await db.query<{ role: OperatorRole }>(
        'SELECT role FROM operators WHERE id = $1',
        [request.params.id],
      );
      const problem = operator && pinProblemForRole(operator.role, pin);
      if (problem) throw new HttpError(400, 'bad-request', `PIN: pin: ${problem}`);
      return record('admin.operator-pin-reset', { id: request.params.id, pin: hashPin(pin) });
    },
  );

  app.post('/api/v1/admin/stock-receipts', guard, async (request) =>
    record('oms.stock-received', parse(StockReceivedSchema, request.body, 'stock receipt')),
  );
  app.post('/api/v1/admin/orders', guard, async (request) =>
    record('oms.backorder-lines-added', parse(BackorderLinesAddedSchema, request.body, 'orders')),
  );
  app.post<{ Params: { id: string } }>('/api/v1/admin/lines/:id/cancel', guard, async (request) => {
    const { reason, qty } = parse(
      BackorderLineCancelledSchema.pick({ reason: true, qty: true }),
      request.body,
      'cancellation',
    );
    const backorderLineId = request.params.id;
    const id = randomUUID();
    const payload = { backorderLineId, reason, ...(qty ? { qty } : {}) };
    const outcome = await recordServerEvent(
      db,
      registry,
      clock,
      'oms.backorder-line-cancelled',
      payload,
      id,
      'admin',
    );
    if (outcome.ok) return { eventId: id };
    // Units that shipped cannot be cancelled: the answer says so, and so does the feed, for an
    // OMS that reads it rather than this answer.
    if (SHIPPED_CODES.has(outcome.code))
      await record('oms.cancellation-refused', {
        backorderLineId,
        ...(qty ? { qty } : {}),
        reason: outcome.message.slice(0, 500),
      });
    throw new HttpError(422, outcome.code, outcome.message);
  });
  app.post('/api/v1/admin/expected-receipts', guard, async (request) =>
    record(
      'oms.expected-receipt-recorded',
      parse(ExpectedReceiptRecordedSchema, request.body, 'expected receipt'),
    ),
  );

  // The warehouse's time zone: expiry and other date rules use the day of each event in it.
  app.get('/api/v1/admin/time-zone', guard, async () => ({ timeZone: await readTimeZone(db) }));
  app.put('/api/v1/admin/time-zone', guard, async (request) => {
    const { timeZone } = parse(TimeZoneRequestSchema, request.body, 'time zone');
    return { ...(await record('admin.time-zone-set', { timeZone })), timeZone };
  });

  registerFeedRoute(app, { db, databaseId: deps.databaseId, guard: guard.preHandler });
};
