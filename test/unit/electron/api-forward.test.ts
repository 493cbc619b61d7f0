// The app:// protocol's API forwarding, without Electron: Node's fetch stands in for net.fetch
// and a small HTTP server for the sync server.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiForwarder, type ForwardFetch } from '../../../electron/api-forward';
import { createAppProtocolHandler } from '../../../electron/app-protocol';
import { createSyncApi } from '../../../renderer/sync/api';

// Answers what it received: method, path, headers, the body's size and hash. /status/N answers
// N with a Retry-After.
let echo: http.Server;
let target: string;
beforeAll(async () => {
  echo = http.createServer((req, res) => {
    const hash = createHash('sha256');
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
    });
    req.on('end', () => {
      const status = /\/status\/(\d+)/.exec(req.url ?? '');
      if (status) {
        res.writeHead(Number(status[1]), {
          'content-type': 'application/json',
          'retry-after': '7',
        });
        res.end(JSON.stringify({ error: 'e', message: `answered ${status[1]}` }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-echo': 'yes' });
      res.end(
        req.method === 'HEAD'
          ? undefined
          : JSON.stringify({
              method: req.method,
              url: req.url,
              headers: req.headers,
              size,
              sha256: hash.digest('hex'),
            }),
      );
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

const forward = createApiForwarder({ target: () => target, fetch: fetch as ForwardFetch });
type Echo = {
  method: string;
  url: string;
  headers: Record<string, string>;
  size: number;
  sha256: string;
};

describe('the API forwarder', () => {
  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])(
    'keeps the method, path, query and headers: %s',
    async (method) => {
      const withBody = method !== 'GET';
      const res = await forward(
        new Request('app://fillwave/api/v1/pull?limit=5&checkpoint=a%2Fb', {
          method,
          headers: {
            authorization: 'Bearer fwd.x.y',
            origin: 'app://fillwave',
            referer: 'app://fillwave/',
            ...(withBody ? { 'content-type': 'application/json' } : {}),
          },
          ...(withBody ? { body: '{"events":[]}' } : {}),
        }),
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('x-echo')).toBe('yes');
      const seen = (await res.json()) as Echo;
      expect(seen.method).toBe(method);
      expect(seen.url).toBe('/api/v1/pull?limit=5&checkpoint=a%2Fb');
      expect(seen.headers.authorization).toBe('Bearer fwd.x.y');
      // The server sees its own name, and a change carries its own origin, never app://.
      expect(seen.headers.host).toBe(new URL(target).host);
      expect(seen.headers.origin).toBe(withBody ? target : undefined);
      expect(seen.headers.referer).toBeUndefined();
      expect(seen.size).toBe(withBody ? 13 : 0);
    },
  );

  it('answers HEAD without a body', async () => {
    const res = await forward(new Request('app://fillwave/api/v1/health', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('streams a large body through whole', async () => {
    const body = new Uint8Array(24 * 1024 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) & 0xff;
    const res = await forward(new Request('app://fillwave/api/v1/push', { method: 'POST', body }));
    const seen = (await res.json()) as Echo;
    expect(seen.size).toBe(body.length);
    expect(seen.sha256).toBe(createHash('sha256').update(body).digest('hex'));
  }, 60_000);

  it.each([401, 409, 410, 413, 429, 503])(
    'passes status %i through with its body and Retry-After',
    async (status) => {
      const res = await forward(new Request(`app://fillwave/api/status/${status}`));
      expect(res.status).toBe(status);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(await res.json()).toEqual({ error: 'e', message: `answered ${status}` });
    },
  );

  it('turns a server that does not answer into a JSON 502 the sync engine retries', async () => {
    const down = createApiForwarder({
      target: () => 'http://127.0.0.1:1',
      fetch: fetch as ForwardFetch,
    });
    const res = await down(new Request('app://fillwave/api/v1/pull?limit=1'));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: 'server-unreachable' });
    const viaWindow = (url: string, init?: RequestInit) =>
      down(new Request(new URL(url, 'app://fillwave/'), init));
    const api = createSyncApi('fwd.x.y', viaWindow);
    expect(await api.pull(null, 10)).toMatchObject({
      kind: 'retry',
      reason: expect.stringContaining('The sync server at http://127.0.0.1:1 does not answer'),
    });
    expect(await api.push([])).toMatchObject({ kind: 'retry' });
  });

  it('is reached for app://fillwave/api/* only; the rest are files', async () => {
    const handler = createAppProtocolHandler({
      rootDir: '/nonexistent',
      readFile: () => Promise.reject(new Error('no file')),
      csp: () => "default-src 'self'",
      forwardApi: forward,
    });
    expect((await handler(new Request('app://fillwave/api/status/410'))).status).toBe(410);
    expect((await handler(new Request('app://fillwave/apix'))).status).toBe(404);
    expect((await handler(new Request('app://other/api/status/410'))).status).toBe(404);
  });
});
