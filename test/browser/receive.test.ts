// Stock received on the lead's screen, in Chromium with the real server: the lead scans the item,
// types the quantity, scans the location and names the expected receipt, with the server stopped;
// the stock and the line it fills show at once; back online, the receipt reaches the server once
// and the server's stock and expected receipt agree.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db';
import { runningStoreUrl } from '../../server/db/embedded';
import { openPostgres } from '../../server/db/postgres';
import { freePort } from '../fixtures/free-port';
import { spawnServer, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';
import { browserOrSkip } from './chromium';
import { delivered, scan, signIn, waiting } from './device-page';
import {
  admin,
  ADMIN,
  defineWarehouse,
  eachCode,
  feed,
  HOUR_MS,
  orderLines,
  PEOPLE,
} from './shift-world';

const executable = browserOrSkip();

describe.skipIf(!executable)('receiving on the lead station in Chromium', () => {
  const data = tempData();
  let port = 0;
  let server: Running | undefined;
  let store: Db | undefined;
  let browser: Browser | undefined;
  const url = () => `http://127.0.0.1:${port}`;

  // Same port and data: the page's origin, and so its IndexedDB, stay the same.
  const start = async () => {
    server = await spawnServer(port, data, { env: { FILLWAVE_ADMIN_TOKEN: ADMIN } });
    const storeUrl = runningStoreUrl(data);
    if (!storeUrl) throw new Error(`the server's store in ${data} is not running`);
    store = await openPostgres(storeUrl, 'public', 2);
  };
  const stop = async () => {
    await store?.close();
    store = undefined;
    await server?.stop();
    server = undefined;
  };

  beforeAll(async () => {
    port = await freePort();
    await start();
    await defineWarehouse(store!);
    browser = await chromium.launch({
      executablePath: executable!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stop();
  });

  it('records a receipt offline, shows the stock and the line it fills at once, and the server applies it once', async () => {
    await admin(url(), '/operators', PEOPLE.lead);
    // SO-103 waits for 2 × S5, which nothing holds; 3 of S5 are expected.
    await admin(url(), '/orders', {
      lines: orderLines(new Date(Date.now() - 30 * HOUR_MS).toISOString()),
    });
    await admin(url(), '/expected-receipts', {
      id: 'ER-S5',
      skuId: 'S5',
      qty: 3,
      expectedAt: new Date(Date.now() + 24 * HOUR_MS).toISOString(),
    });

    const page = await (await browser!.newContext()).newPage();
    await signIn(page, url(), PEOPLE.lead);
    await page.getByText(/Synced \d/).waitFor({ timeout: 60_000 });
    await stop();

    await page.getByRole('link', { name: 'Receive stock' }).click();
    await page.getByRole('heading', { name: 'Receive stock' }).waitFor();
    await scan(page, eachCode('S5'));
    expect(await page.getByLabel(/^Item/).inputValue()).toBe('ITEM-S5');
    await page.getByLabel('Quantity received').fill('2');
    await scan(page, 'bin-l5');
    const expected = page.getByLabel('Against an expected receipt');
    // The item's expected receipts are read once it is known: wait for the one the test made.
    await expected.locator('option[value="ER-S5"]').waitFor({ state: 'attached' });
    expect(await expected.getByRole('option').allTextContents()).toEqual([
      'None',
      expect.stringMatching(/^3 expected .* \(ER-S5\)$/),
    ]);
    await expected.selectOption('ER-S5');
    await page.getByRole('button', { name: 'Receive' }).click();

    await page.getByText('Received 2 × ITEM-S5 at BIN-L5.').waitFor();
    await page
      .getByRole('list', { name: 'Stock of the items received' })
      .getByText('ITEM-S5 at BIN-L5: 2 on hand')
      .waitFor();
    // The list is worked out after the stock shows: wait for its line, then read it whole.
    const fills = page.getByRole('list', { name: 'Backorder lines it fills' });
    await fills.getByText('Line 1 of order SO-103').waitFor();
    expect(await fills.getByRole('listitem').allTextContents()).toEqual([
      'Line 1 of order SO-103: 2 of 2 · ITEM-S5',
    ]);
    await waiting(page, 1);

    await start();
    await delivered(page, 75_000);
    expect(
      await store!.query<{ on_hand: number; reserved: number }>(
        "SELECT on_hand, reserved FROM stock WHERE id = 'L5|S5'",
      ),
    ).toEqual([{ on_hand: 2, reserved: 0 }]);
    expect(await store!.query("SELECT qty FROM expected_receipts WHERE id = 'ER-S5'")).toEqual([
      { qty: 1 },
    ]);
    const receipts = (await feed(url())).filter((e) => e.event.type === 'stock.received');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.event.payload).toMatchObject({
      lines: [{ skuId: 'S5', locationId: 'L5', qty: 2 }],
      expectedReceiptId: 'ER-S5',
    });
    // After the pull the screen still shows it, now from the server's rows.
    await page
      .getByRole('list', { name: 'Stock of the items received' })
      .getByText('ITEM-S5 at BIN-L5: 2 on hand')
      .waitFor();
  }, 240_000);
});
