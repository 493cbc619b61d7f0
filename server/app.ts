import path from 'node:path';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { contentSecurityPolicy } from '../shared/security/csp';

export interface AppOptions {
  appDir: string;
  version: string;
  logger?: boolean;
}

// Builds the server without listening: main.ts listens, tests inject or listen on port 0.
// One origin serves the app at / and the API under /api/v1.
export const buildServer = async (options: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization'] } : false,
    bodyLimit: 1024 * 1024,
  });
  const csp = contentSecurityPolicy();

  app.get('/api/v1/health', async () => ({ ok: true, version: options.version }));

  await app.register(fastifyStatic, {
    root: path.resolve(options.appDir),
    prefix: '/',
    setHeaders: (reply, file) => {
      reply.header('content-security-policy', csp);
      reply.header('x-content-type-options', 'nosniff');
      // The page and the service worker are checked on every load so an update reaches
      // handhelds; hashed assets never change and may be cached for good.
      if (/[\\/]assets[\\/]/.test(file)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      } else {
        reply.header('cache-control', 'no-cache');
      }
    },
  });

  return app;
};
