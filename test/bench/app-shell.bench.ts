// How fast the server hands the app shell to a handheld, against plain node:http serving the
// same bytes from memory (the floor any framework adds to). And how much a handheld downloads.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openTestDatabase } from '../fixtures/test-db';
import { startTestServer } from '../fixtures/test-server';
import { perSecond, type BenchGroup } from './harness';

const APP_DIR = 'dist/renderer';
const REQUESTS = 3000;
const CONCURRENCY = 8;

const hammer = async (url: string): Promise<number> => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < REQUESTS) {
        const res = await fetch(url);
        if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
        await res.arrayBuffer();
      }
    }),
  );
  return perSecond(REQUESTS, performance.now() - started);
};

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

const group: BenchGroup = {
  group: 'app-shell',
  benches: [
    {
      name: 'index',
      run: async () => {
        const html = readFileSync(path.join(APP_DIR, 'index.html'));
        const plain = createServer((_req, res) => res.end(html));
        const plainPort = await listen(plain);
        const t = await openTestDatabase('embedded');
        const app = await startTestServer(t.db, { appDir: APP_DIR });
        try {
          await hammer(`${app.url}/`); // warm up both
          await hammer(`http://127.0.0.1:${plainPort}/`);
          const baseline = await hammer(`http://127.0.0.1:${plainPort}/`);
          const value = await hammer(`${app.url}/`);
          return [{ name: 'index', value, unit: 'requests/s', baseline }];
        } finally {
          await app.close();
          await t.dispose();
          plain.close();
        }
      },
    },
    {
      name: 'bundle',
      run: async () => {
        const assets = path.join(APP_DIR, 'assets');
        const bytes = readdirSync(assets)
          .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
          .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f))).length, 0);
        return [{ name: 'bundle', value: bytes / 1024, unit: 'KiB gzip' }];
      },
    },
  ],
};

export default group;
