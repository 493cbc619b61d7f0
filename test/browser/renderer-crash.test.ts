// Real crashes: the page's renderer is killed (CDP Page.crash) in the middle of a pull and in the
// middle of a push, and the app is opened again. Nothing is lost or doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPageSchema } from '../../shared/sync-api/feed';
import { freePort } from '../fixtures/free-port';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';

const executable = browserOrSkip();
const ADMIN = 'crash-admin-token-0123456789abcd';
const LINES = 3000;

describe.skipIf(!executable)('the app after its renderer crashed', () => {
  let chromium: LaunchedBrowser;
  let server: Running;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    server = await spawnUntilListening(
      'node',
      [
        'dist/server/main.mjs',
        '--port',
        String(port),
        '--data',
        tempData(),
        '--demo',
        String(LINES),
      ],
      { env: { FILLWAVE_ADMIN_TOKEN: ADMIN } },
    );
    url = `http://127.0.0.1:${port}`;
    chromium = await launchChromium(executable!);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  const crash = async (page: Awaited<ReturnType<LaunchedBrowser['context']['newPage']>>) => {
    const cdp = await chromium.context.newCDPSession(page);
    const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
    // The command never answers: the renderer that would answer it is gone.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close().catch(() => undefined);
  };
  const countLines = (page: Awaited<ReturnType<LaunchedBrowser['context']['newPage']>>) =>
    page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('fillwave');
          req.onsuccess = () => {
            const count = req.result
              .transaction('backorderLines')
              .objectStore('backorderLines')
              .count();
            count.onsuccess = () => resolve(count.result);
          };
          req.onerror = () => reject(req.error);
        }),
    );

  it(
    'resumes a pull killed midway, and then a push killed midway: every line once, every event once',
    { timeout: 300_000 },
    async () => {
      const first = await chromium.context.newPage();
      await first.goto(`${url}/#/setup`);
      await first.getByRole('button', { name: 'Connect' }).click();
      await first
        .waitForFunction(() => document.body.innerText.includes('records'), null, {
          timeout: 30_000,
        })
        .catch(() => undefined);
      await crash(first);

      const second = await chromium.context.newPage();
      await second.goto(`${url}/#/`);
      // Room for one whole idle backoff (60 s) should the first round after the crash fail; if it
      // still does not sync, say what the bar says.
      await second
        .getByText(/Synced \d/)
        .waitFor({ timeout: 150_000 })
        .catch(async (error: unknown) => {
          const bar = await second.getByTestId('sync-status').textContent();
          throw new Error(`no sync after the crash; the bar says: ${bar}`, { cause: error });
        });
      expect(await countLines(second)).toBe(LINES);

      // Fifty holds waiting in the outbox, then the renderer dies while they are being pushed.
      const ids = await second.evaluate(
        (count) =>
          new Promise<string[]>((resolve) => {
            const req = indexedDB.open('fillwave');
            req.onsuccess = () => {
              const db = req.result;
              const all = db
                .transaction('backorderLines')
                .objectStore('backorderLines')
                .getAllKeys();
              all.onsuccess = () => {
                const ids = (all.result as string[]).sort().slice(0, count);
                const tx = db.transaction(['outbox', 'syncState'], 'readwrite');
                ids.forEach((id, i) =>
                  tx.objectStore('outbox').add({
                    id: crypto.randomUUID(),
                    seq: i + 1,
                    type: 'backorder-line.held',
                    operatorId: 'op-lead-1',
                    at: new Date().toISOString(),
                    payload: { backorderLineId: id, reason: 'crash test' },
                    status: 'pending',
                  }),
                );
                tx.objectStore('syncState').put({ key: 'nextSeq', value: count + 1 });
                tx.oncomplete = () => resolve(ids);
              };
            };
          }),
        50,
      );
      await second.reload();
      await second.waitForTimeout(150);
      await crash(second);

      const third = await chromium.context.newPage();
      await third.goto(`${url}/#/`);
      await third
        .getByTestId('waiting')
        .filter({ hasText: '0 waiting' })
        .waitFor({ timeout: 60_000 });
      // The feed shows an event once every older transaction on the server has ended (its
      // never-skip rule): a pull still streaming the lines can hold the last holds back a moment
      // after the device has its answers, so read it until it has them all, for up to 30 s.
      const readHolds = async () => {
        const feed = FeedPageSchema.parse(
          await (
            await fetch(`${url}/api/v1/admin/events?limit=1000`, {
              headers: { authorization: `Bearer ${ADMIN}` },
            })
          ).json(),
        );
        return feed.events
          .filter((e) => e.event.type === 'backorder-line.held')
          .map((e) => (e.event.payload as { backorderLineId: string }).backorderLineId);
      };
      let holds = await readHolds();
      for (let i = 0; i < 300 && holds.length < ids.length; i++) {
        await new Promise((r) => setTimeout(r, 100));
        holds = await readHolds();
      }
      expect(holds.sort()).toEqual([...ids].sort());
      expect(await countLines(third)).toBe(LINES);
    },
  );
});
