// In Chromium: pull-and-store of 100,000 backorder lines from the server into IndexedDB through
// the real app, against a plain IndexedDB bulk write of the same records into a store with the
// same indexes, in the same page and run. And the page's peak JS heap during the sync.
import { newDataDir } from '../fixtures/data-dir';
import { freePort } from '../fixtures/free-port';
import { spawnUntilListening } from '../fixtures/spawn-server';
import { rmSync } from 'node:fs';
import { findChromium, launchChromium } from '../browser/chromium';
import { perSecond, type BenchGroup } from './harness';

const LINES = 100_000;

// The floor: the app's own line records, written raw in chunks of 2,000 into a store with the same
// indexes. Runs in the page.
const RAW_WRITE = `(async () => {
  const open = (name, upgrade) => new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onupgradeneeded = () => upgrade && upgrade(req.result);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const app = await open('fillwave');
  const lines = await new Promise((resolve) => {
    const req = app.transaction('backorderLines').objectStore('backorderLines').getAll();
    req.onsuccess = () => resolve(req.result);
  });
  if (lines.length !== ${LINES}) throw new Error('the app stored ' + lines.length + ' lines');
  const raw = await open('bench-raw', (db) => {
    const store = db.createObjectStore('backorderLines', { keyPath: 'id' });
    for (const index of ['orderId', 'skuId', 'status', 'promisedBy']) store.createIndex(index, index);
  });
  const t0 = performance.now();
  for (let i = 0; i < lines.length; i += 2000) {
    await new Promise((resolve, reject) => {
      const tx = raw.transaction('backorderLines', 'readwrite');
      const store = tx.objectStore('backorderLines');
      for (const line of lines.slice(i, i + 2000)) store.put(line);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  }
  return performance.now() - t0;
})()`;

const group: BenchGroup = {
  group: 'sync',
  benches: [
    {
      name: 'ingest',
      run: async () => {
        const executable = findChromium();
        if (!executable) {
          console.warn(
            'sync.ingest skipped: no Chromium (apt-get install -y chromium, or set CHROME_PATH)',
          );
          return [];
        }
        const port = await freePort();
        const data = newDataDir('fillwave-bench-');
        const server = await spawnUntilListening(
          'node',
          ['dist/server/main.mjs', '--port', String(port), '--data', data, '--demo', String(LINES)],
          { timeoutMs: 600_000 },
        );
        const chromium = await launchChromium(executable, ['--enable-precise-memory-info']);
        try {
          const page = await chromium.context.newPage();
          await page.goto(`http://127.0.0.1:${port}/#/setup`);
          await page.getByRole('button', { name: 'Connect' }).waitFor();
          await page.evaluate(
            'window.peakHeap = 0; setInterval(() => { window.peakHeap = Math.max(window.peakHeap, performance.memory ? performance.memory.usedJSHeapSize : 0); }, 100);',
          );
          const started = Date.now();
          await page.getByRole('button', { name: 'Connect' }).click();
          await page.getByText(/Synced \d/).waitFor({ timeout: 600_000 });
          const seconds = (Date.now() - started) / 1000;
          const peakHeapMb = (await page.evaluate<number>('window.peakHeap')) / 1024 / 1024;

          // The floor: the same line records, written raw in chunks into a store with the same indexes.
          // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
          const rawMs = await page.evaluate<number>(RAW_WRITE);
          return [
            {
              name: 'ingest',
              value: perSecond(LINES, seconds * 1000),
              unit: 'lines/s',
              baseline: perSecond(LINES, rawMs),
            },
            { name: 'ingest.peak-heap', value: peakHeapMb, unit: 'MiB' },
          ];
        } finally {
          await chromium.close();
          await server.stop();
          rmSync(data, { recursive: true, force: true });
        }
      },
    },
  ],
};

export default group;
