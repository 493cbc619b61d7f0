import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { contentSecurityPolicy } from '../shared/security/csp';
import type { Clock } from './clock';
import type { Db } from './db/db';
import { databaseId } from './db/migrate';
import { installErrorHandler } from './errors';
import { serializeError } from './log/error-serializer';
import type { EventRegistry } from './events/registry';
import { installHostGuard } from './http/host-guard';
import { servedNames } from './http/served-names';
import { installFaults, type FaultConfig } from './faults/faults';
import { createRateLimiter, type RateLimitConfig } from './limits/rate-limit';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerEnrollRoutes } from './routes/enroll-routes';
import { registerSyncRoutes } from './routes/sync-routes';
import type { OmsHealth } from './oms/health';

export interface ServerOptions {
  db: Db;
  registry: EventRegistry;
  clock: Clock;
  version: string;
  // The built app to serve at /; none for an API-only server (tests).
  appDir?: string;
  bodyLimitBytes?: number;
  rateLimit?: RateLimitConfig;
  faults?: FaultConfig;
  // Structured JSON logs to this stream; none means no logs.
  logStream?: Writable;
  // The admin API exists only with a token (FILLWAVE_ADMIN_TOKEN).
  adminToken?: string;
  // Enroll devices that reach the server over loopback without a code (the embedded server).
  loopbackEnrollment?: boolean;
  // Serve over HTTPS with this certificate and key (PEM).
  tls?: { cert: string; key: string };
  // Names devices reach the server by, beside loopback and the certificate's own names.
  publicNames?: readonly string[];
  // The OMS connector, when one runs (server/oms/): its state is part of the health answer.
  oms?: { health(): Promise<OmsHealth> };
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { burst: 60, perSecond: 20 };

// Builds the server without listening: main.ts listens, tests listen on port 0.
// One origin serves the app at / and the API under /api/v1.
export const buildServer = async (options: ServerOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}),
    logger: options.logStream
      ? {
          level: 'info',
          stream: options.logStream,
          redact: ['req.headers.authorization'],
          // Errors without their SQL parameters, rows or payloads (log/error-serializer.ts).
          serializers: { err: serializeError },
        }
      : false,
    bodyLimit: options.bodyLimitBytes ?? 2 * 1024 * 1024,
    // Proxies and handhelds on flaky Wi-Fi: give up on a silent client rather than hold it.
    requestTimeout: 60_000,
  });
  app.decorateRequest('device', null);
  installErrorHandler(app);
  installHostGuard(
    app,
    servedNames({ publicNames: options.publicNames ?? [], certPem: options.tls?.cert }),
    options.tls ? 'https' : 'http',
  );
  if (options.faults) installFaults(app, options.faults, options.clock);

  app.get('/api/v1/health', async () => ({
    ok: true,
    version: options.version,
    ...(options.oms ? { oms: await options.oms.health() } : {}),
  }));
  const dbId = await databaseId(options.db);
  registerEnrollRoutes(app, {
    db: options.db,
    clock: options.clock,
    loopbackEnrollment: options.loopbackEnrollment ?? false,
  });
  if (options.adminToken) {
    registerAdminRoutes(app, {
      db: options.db,
      registry: options.registry,
      clock: options.clock,
      adminToken: options.adminToken,
      databaseId: dbId,
    });
  }
  registerSyncRoutes(app, {
    db: options.db,
    registry: options.registry,
    clock: options.clock,
    databaseId: dbId,
    pushAllowance: createRateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT, options.clock),
  });

  if (options.appDir) {
    const csp = contentSecurityPolicy();
    await app.register(fastifyStatic, {
      root: path.resolve(options.appDir),
      prefix: '/',
      setHeaders: (reply, file) => {
        reply.header('content-security-policy', csp);
        reply.header('x-content-type-options', 'nosniff');
        // The page and the service worker are checked on every load so an update reaches
        // handhelds; hashed assets never change and may be cached for good.
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return app;
};
