// npm start on a machine where Electron cannot run, and npm run server itself.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { tempData } from '../fixtures/temp-data';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';

let running: Running | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('npm start without Electron', () => {
  it('says why in one line, then serves the same app for a browser and prints its URL', async () => {
    running = await spawnUntilListening(
      'npx',
      ['tsx', 'scripts/start.ts', '--no-build', '--port', '0', '--data', tempData()],
      { env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron' } },
    );
    const lines = running.output().trim().split('\n');
    expect(lines[0]).toBe(
      'Electron cannot open a window here: there is no Electron binary at /nonexistent/electron/electron (ELECTRON_OVERRIDE_DIST_PATH). Serving the app for a browser instead.',
    );
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${running.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });
});

describe('the server for browsers', () => {
  it('serves the app and its service worker with the CSP, and answers health', async () => {
    running = await spawnUntilListening('node', [
      'dist/server/main.mjs',
      '--port',
      '0',
      '--data',
      tempData(),
    ]);
    const page = await fetch(`${running.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${running.url}/sw.js`)).status).toBe(200);
    expect((await fetch(`${running.url}/manifest.webmanifest`)).status).toBe(200);
    await expect((await fetch(`${running.url}/api/v1/health`)).json()).resolves.toMatchObject({
      ok: true,
    });
  });

  it('refuses a port that is taken with a clear error', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = spawnSync(
        'node',
        ['dist/server/main.mjs', '--port', String(port), '--data', tempData()],
        {
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `fillwave server: port ${port} on 127.0.0.1 is taken (another Fillwave?); choose another with --port or PORT`,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a bad argument before doing anything', () => {
    const run = spawnSync(
      'node',
      ['dist/server/main.mjs', '--port', 'eighty', '--data', tempData()],
      {
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('port "eighty" is not a port number');
  });
});
