// The server over HTTPS with a certificate of the site's own, as handhelds on the warehouse
// network need it (service workers, Web Locks and install need a secure context).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnUntilListening, type Running } from '../../fixtures/spawn-server';
import { tempData } from '../../fixtures/temp-data';

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
    const dir = tempData();
    // A self-signed certificate for 127.0.0.1, as docs/security.md has a site make its own.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    server = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      tempData(),
      '--tls-cert',
      path.join(dir, 'cert.pem'),
      '--tls-key',
      path.join(dir, 'key.pem'),
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
