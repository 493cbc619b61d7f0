// The server over HTTPS with a certificate of the site's own, as handhelds on the warehouse
// network need it (service workers, Web Locks and install need a secure context).
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnUntilListening, type Running } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';
import { makeTestCert } from '../../fixtures/test-cert';

const get = (url: string, ca: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('timed out')));
    req.end();
  });

describe('HTTPS', () => {
  let server: Running;
  let cert: string;

  beforeAll(async () => {
    const { certFile, keyFile } = makeTestCert('127.0.0.1', 'IP:127.0.0.1');
    cert = readFileSync(certFile, 'utf8');
    server = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      tempData(),
      '--tls-cert',
      certFile,
      '--tls-key',
      keyFile,
    ]);
  });
  afterAll(() => server?.stop());

  it('serves the app and answers the API over TLS', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const page = await get(`${server.url}/`, cert);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    const health = await get(`${server.url}/api/v1/health`, cert);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true });
  });

  it('is refused by a client that does not trust the certificate', async () => {
    await expect(get(`${server.url}/`, '')).rejects.toThrow(/self[- ]signed|certificate/i);
  });

  it('refuses a missing key file with a clear error', async () => {
    const dir = tempData();
    await expect(
      spawnUntilListening(
        'node',
        [
          'dist/server/main.mjs',
          '--port',
          '0',
          '--data',
          dir,
          '--tls-cert',
          path.join(dir, 'none.pem'),
          '--tls-key',
          path.join(dir, 'none.pem'),
        ],
        { timeoutMs: 30_000 },
      ),
    ).rejects.toThrow(/could not read the TLS certificate or key/);
  });
});
