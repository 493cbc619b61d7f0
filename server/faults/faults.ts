import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { seededRng } from '../../shared/random';
import type { Clock } from '../clock';

// Fault injection for tests, off unless asked for. Each rate is a probability per API request.
export const FaultConfigSchema = z.strictObject({
  seed: z.number().int().default(1),
  // Close the connection before doing anything.
  dropRate: z.number().min(0).max(1).default(0),
  // Answer 503 before doing anything.
  errorRate: z.number().min(0).max(1).default(0),
  // Wait this long (on the injected clock) before handling.
  delayMs: z.number().int().min(0).default(0),
  // Do the work, then cut the response body short.
  truncateRate: z.number().min(0).max(1).default(0),
  // Do the work, then close the connection without answering.
  loseResponseRate: z.number().min(0).max(1).default(0),
  // Answer 500, as a bug would, to every push that carries one of these event ids.
  failEventIds: z.array(z.string()).optional(),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;

export const installFaults = (app: FastifyInstance, config: FaultConfig, clock: Clock): void => {
  const rng = seededRng(config.seed);
  const isApi = (url: string) => url.startsWith('/api/v1/') && !url.startsWith('/api/v1/health');

  app.addHook('onRequest', async (request, reply) => {
    if (!isApi(request.url)) return;
    if (config.delayMs > 0) await clock.sleep(config.delayMs);
    if (rng() < config.dropRate) {
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (rng() < config.errorRate) {
      return reply
        .code(503)
        .send({ error: 'injected-fault', message: 'Injected fault: try again.' });
    }
  });

  if (config.failEventIds?.length) {
    const poisoned = new Set(config.failEventIds);
    app.addHook('preHandler', async (request, reply) => {
      if (request.url !== '/api/v1/push') return;
      const events = (request.body as { events?: { id?: unknown }[] } | null)?.events;
      if (!Array.isArray(events) || !events.some((e) => poisoned.has(String(e?.id)))) return;
      return reply.code(500).send({
        error: 'internal',
        message: 'The server failed to handle this request; it was logged.',
      });
    });
  }

  app.addHook('onSend', async (request, reply, payload) => {
    if (!isApi(request.url) || reply.statusCode !== 200) return payload;
    if (rng() < config.loseResponseRate) {
      request.raw.socket.destroy();
      return payload;
    }
    if (rng() < config.truncateRate && typeof payload === 'string') {
      return payload.slice(0, Math.floor(payload.length / 2));
    }
    return payload;
  });
};
