import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { describeIssues } from '../../shared/describe-issues';
import {
  EnrollmentCodeRequestSchema,
  OperatorChangeSchema,
  OperatorCreateSchema,
  PinResetSchema,
} from '../../shared/sync-api/admin';
import {
  BackorderLineCancelledSchema,
  BackorderLinesAddedSchema,
  ExpectedReceiptRecordedSchema,
  StockReceivedSchema,
} from '../../shared/sync-api/events/oms';
import { newEnrollmentCode } from '../auth/enrollment';
import { hashPin } from '../auth/pin-hash';
import { requireAdmin } from '../auth/require-admin';
import type { Clock } from '../clock';
import type { Db } from '../db/db';
import { HttpError } from '../errors';
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

// The admin API: enrollment codes, devices, operators, and the OMS side. Registered only when the
// server has FILLWAVE_ADMIN_TOKEN. Every action is an event in the log with source "admin"; a
// refused action answers 422 with the rule's code and sentence.
export const registerAdminRoutes = (app: FastifyInstance, deps: AdminDeps): void => {
  const { db, registry, clock } = deps;
  const guard = { preHandler: requireAdmin(deps.adminToken, clock) };
  const record = async (type: string, payload: unknown) => {
    const id = randomUUID();
    const outcome = await recordServerEvent(db, registry, clock, type, payload, id, 'admin');
    if (!outcome.ok) throw new HttpError(422, outcome.code, outcome.message);
    return { eventId: id };
  };

  app.post('/api/v1/admin/enrollment-codes', guard, async (request, reply) => {
    const { ttlMinutes } = parse(EnrollmentCodeRequestSchema, request.body, 'enrollment code');
    const { code, codeHash, expiresAt } = newEnrollmentCode(clock, ttlMinutes);
    await record('admin.enrollment-code-issued', { codeHash, expiresAt });
    reply.header('cache-control', 'no-store');
    return { code, expiresAt };
  });

  app.get('/api/v1/admin/devices', guard, async () => ({
    devices: await db.query(
      `SELECT id, name, to_jsonb(created_at) #>> '{}' AS "createdAt", to_jsonb(revoked_at) #>> '{}' AS "revokedAt"
         FROM devices ORDER BY created_at, id`,
    ),
  }));

  app.post<{ Params: { id: string } }>('/api/v1/admin/devices/:id/revoke', guard, async (request) =>
    record('admin.device-revoked', { deviceId: request.params.id }),
  );

  app.post('/api/v1/admin/operators', guard, async (request) => {
    const o = parse(OperatorCreateSchema, request.body, 'operator');
    const id = o.id ?? `op-${randomUUID()}`;
    await record('admin.operator-created', {
      id,
      badge: o.badge,
      name: o.name,
      role: o.role,
      pin: hashPin(o.pin),
    });
    return { id };
  });

  app.patch<{ Params: { id: string } }>('/api/v1/admin/operators/:id', guard, async (request) =>
    record('admin.operator-changed', {
      id: request.params.id,
      ...parse(OperatorChangeSchema, request.body, 'operator change'),
    }),
  );

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
    const { reason } = parse(
      BackorderLineCancelledSchema.pick({ reason: true }),
      request.body,
      'cancellation',
    );
    return record('oms.backorder-line-cancelled', { backorderLineId: request.params.id, reason });
  });
  app.post('/api/v1/admin/expected-receipts', guard, async (request) =>
    record(
      'oms.expected-receipt-recorded',
      parse(ExpectedReceiptRecordedSchema, request.body, 'expected receipt'),
    ),
  );

  registerFeedRoute(app, { db, databaseId: deps.databaseId, guard: guard.preHandler });
};
