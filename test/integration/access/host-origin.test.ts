// DNS rebinding and cross-site posts: the server answers only the names it serves, and takes
// changes only from its own pages (and from devices, which send no Origin).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../server/clock';
import { openTestDatabase, type TestDatabase } from '../../fixtures/test-db';
import { makeTestCert } from '../../fixtures/test-cert';
import { startTestServer, type TestServer } from '../../fixtures/test-server';

// Over real HTTP with a Host of our choosing, as curl -H 'Host: …' sends it.
const request = (
  url: string,
  options: { method?: string; host: string; origin?: string; body?: unknown },
): Promise<{ status: number; json: unknown }> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const body = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: options.method ?? 'GET',
        headers: {
          host: options.host,
          ...(options.origin ? { origin: options.origin } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = text;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });

describe('Host and Origin', () => {
  let t: TestDatabase;
  let embedded: TestServer;
  let named: TestServer;
  const clock = manualClock();
  const deviceCount = async () =>
    Number((await t.db.query<{ n: string }>('SELECT count(*) AS n FROM devices'))[0]!.n);

  beforeAll(async () => {
    t = await openTestDatabase('embedded');
    embedded = await startTestServer(t.db, { clock, loopbackEnrollment: true });
    named = await startTestServer(t.db, {
      clock,
      loopbackEnrollment: true,
      publicNames: ['fillwave.lan'],
    });
  }, 60_000);
  afterAll(async () => {
    await embedded?.close();
    await named?.close();
    await t?.dispose();
  });
  beforeEach(() => t.reset());

  it('refuses a rebound name with 421 that names the host and the flag, and enrolls no one', async () => {
    const port = new URL(embedded.url).port;
    const answer = await request(`${embedded.url}/api/v1/enroll`, {
      method: 'POST',
      host: `evil.example:${port}`,
      body: { name: 'x' },
    });
    expect(answer.status).toBe(421);
    expect(answer.json).toEqual({
      error: 'unknown-host',
      message:
        'This server does not answer to the name "evil.example". If devices reach it by that name, start the server with --public-name evil.example (or FILLWAVE_PUBLIC_NAME=evil.example).',
    });
    expect(await deviceCount()).toBe(0);
    for (const path of ['/', '/index.html', '/api/v1/pull', '/api/v1/health', '/nowhere'])
      expect((await request(`${embedded.url}${path}`, { host: 'evil.example' })).status).toBe(421);
  });

  it('answers loopback names on any port, and each public name', async () => {
    for (const host of ['localhost:1', '127.0.0.1', '[::1]:4780', 'LOCALHOST.', '127.0.0.1:9']) {
      expect((await request(`${embedded.url}/api/v1/health`, { host })).status, host).toBe(200);
    }
    expect(
      (await request(`${named.url}/api/v1/health`, { host: 'fillwave.lan:4780' })).status,
    ).toBe(200);
    expect((await request(`${embedded.url}/api/v1/health`, { host: 'fillwave.lan' })).status).toBe(
      421,
    );
  });

  it('answers every name of its certificate', async () => {
    const { certFile, keyFile } = makeTestCert(
      'fillwave.test',
      'DNS:fillwave.test,DNS:*.wms.example,IP:10.0.0.5,IP:fd00::5',
    );
    const tls = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
    const secure = await startTestServer(t.db, { clock, tls });
    try {
      const health = (host: string) =>
        secure.app.inject({ url: '/api/v1/health', headers: { host } }).then((r) => r.statusCode);
      expect(await health('fillwave.test:4780')).toBe(200);
      expect(await health('a.wms.example:4780')).toBe(200);
      expect(await health('a.b.wms.example')).toBe(421);
      expect(await health('10.0.0.5:4780')).toBe(200);
      expect(await health('[fd00::5]:4780')).toBe(200);
      expect(await health('10.0.0.6:4780')).toBe(421);
    } finally {
      await secure.close();
    }
  });

  it('enrolls without a code only a loopback caller that named a loopback host', async () => {
    const port = new URL(named.url).port;
    const byName = await request(`${named.url}/api/v1/enroll`, {
      method: 'POST',
      host: `fillwave.lan:${port}`,
      body: { name: 'through a proxy' },
    });
    expect(byName.status).toBe(401);
    expect(byName.json).toMatchObject({ error: 'code-required' });
    const local = await request(`${named.url}/api/v1/enroll`, {
      method: 'POST',
      host: `localhost:${port}`,
      body: { name: 'station' },
    });
    expect(local.status).toBe(201);
    expect(await deviceCount()).toBe(1);
  });

  it("refuses a change sent with another site's Origin (403), but not a read or its own pages", async () => {
    const port = new URL(embedded.url).port;
    const host = `127.0.0.1:${port}`;
    const foreign = await request(`${embedded.url}/api/v1/enroll`, {
      method: 'POST',
      host,
      origin: 'https://evil.example',
      body: { name: 'x' },
    });
    expect(foreign.status).toBe(403);
    expect(foreign.json).toMatchObject({ error: 'foreign-origin' });
    for (const origin of ['null', `http://127.0.0.1:${Number(port) + 1}`, `https://${host}`]) {
      expect(
        (
          await request(`${embedded.url}/api/v1/enroll`, {
            method: 'POST',
            host,
            origin,
            body: { name: 'x' },
          })
        ).status,
        origin,
      ).toBe(403);
    }
    expect(await deviceCount()).toBe(0);
    expect(
      (await request(`${embedded.url}/api/v1/health`, { host, origin: 'https://evil.example' }))
        .status,
    ).toBe(200);
    const own = await request(`${embedded.url}/api/v1/enroll`, {
      method: 'POST',
      host,
      origin: `http://${host}`,
      body: { name: 'station' },
    });
    expect(own.status).toBe(201);
  });
});
