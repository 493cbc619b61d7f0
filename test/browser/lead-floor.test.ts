// The lead runs the floor, in Chromium with the real server, on a small warehouse where every
// number is known (shift-world.ts's bins and items, the orders below). The lead receives stock
// on the screen and sees the two orders that want it; reorders the priority rules so the order
// placed first gets it, previews and commits the allocation; saves a wave template of two-tote
// carts and previews the wave, opens a tour's map, moves an order to the other tour and sees the
// distances change, releases the wave and assigns both tours. A picker picks on another device;
// the lead's floor shows the tour 1 of 1 task done (the wave 1 of 3); the lead hands the other
// tour to a third picker and takes it back. The server ends with the allocation, the tours and
// each event as the screens said.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db';
import { runningStoreUrl } from '../../server/db/embedded';
import { openPostgres } from '../../server/db/postgres';
import { freePort } from '../fixtures/free-port';
import { spawnServer, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';
import { browserOrSkip } from './chromium';
import { delivered, pickFirstTask, scan, signIn } from './device-page';
import { admin, ADMIN, defineWarehouse, eachCode, feed, HOUR_MS, PEOPLE } from './shift-world';

const executable = browserOrSkip();

// Two more pickers: one holds the other tour, one is handed it.
const PIA = { id: 'op-pia', badge: 'PI8', name: 'Pia Picker', role: 'picker', pin: '1357' };
const PIP = { id: 'op-pip', badge: 'PI9', name: 'Pip Picker', role: 'picker', pin: '9753' };

// SO-201 (tier 2, placed first) and SO-202 (tier 1, placed later) want the same 4 × S1, and only
// 4 come in; SO-203 and SO-204 fill from the stock already there. All are promised alike, so the
// default rules (promise date, then tier) give S1 to SO-202, and order date first to SO-201.
const ORDERS = [
  { orderId: 'SO-201', skuId: 'S1', qty: 4, tier: 2, hoursAgo: 30 },
  { orderId: 'SO-202', skuId: 'S1', qty: 4, tier: 1, hoursAgo: 20 },
  { orderId: 'SO-203', skuId: 'S3', qty: 3, tier: 1, hoursAgo: 10 },
  { orderId: 'SO-204', skuId: 'S5', qty: 2, tier: 1, hoursAgo: 5 },
];
// Before the shift: 3 × S3 at L3 (aisle 2, 4 m) and 2 × S5 at L5 (aisle 1, 14 m). The 4 × S1
// are received on the lead's screen at L1 (aisle 1, 2 m).
const STOCK = [
  { locationId: 'L3', skuId: 'S3', qty: 3 },
  { locationId: 'L5', skuId: 'S5', qty: 2 },
];

describe.skipIf(!executable)('the lead runs the floor in Chromium', () => {
  const data = tempData();
  let port = 0;
  let server: Running | undefined;
  let store: Db | undefined;
  let browser: Browser | undefined;
  const url = () => `http://127.0.0.1:${port}`;

  beforeAll(async () => {
    port = await freePort();
    server = await spawnServer(port, data, { env: { FILLWAVE_ADMIN_TOKEN: ADMIN } });
    const storeUrl = runningStoreUrl(data);
    if (!storeUrl) throw new Error(`the server's store in ${data} is not running`);
    store = await openPostgres(storeUrl, 'public', 2);
    await defineWarehouse(store);
    browser = await chromium.launch({
      executablePath: executable!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await store?.close();
    await server?.stop();
  });

  const device = async () => (await browser!.newContext()).newPage();
  const home = async (page: Page, link: string) => {
    await page.goto(`${url()}/#/`);
    await page.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: link }).waitFor();
  };

  it('receives, allocates by the rules the lead set, plans and moves an order, releases, and runs the floor', async () => {
    for (const p of [PEOPLE.lead, PEOPLE.picker, PIA, PIP]) await admin(url(), '/operators', p);
    await admin(url(), '/stock-receipts', { receipts: STOCK });
    const promisedBy = new Date(Date.now() + 72 * HOUR_MS).toISOString();
    await admin(url(), '/orders', {
      lines: ORDERS.map((o) => ({
        id: `${o.orderId}/1`,
        orderId: o.orderId,
        lineNo: 1,
        skuId: o.skuId,
        customerId: `C-${o.orderId}`,
        customerTier: o.tier,
        orderedAt: new Date(Date.now() - o.hoursAgo * HOUR_MS).toISOString(),
        promisedBy,
        shipComplete: false,
        carrier: 'UPS',
        cutoffAt: null,
        qtyOrdered: o.qty,
        qtyBackordered: o.qty,
      })),
    });

    const lead = await device();
    await signIn(lead, url(), PEOPLE.lead);

    // Receiving: 4 × S1 at BIN-L1, and the two orders that want them, by today's rules.
    await home(lead, 'Receive stock');
    await scan(lead, eachCode('S1'));
    expect(await lead.getByLabel(/^Item/).inputValue()).toBe('ITEM-S1');
    await lead.getByLabel('Quantity received').fill('4');
    await scan(lead, 'bin-l1');
    await lead.getByRole('button', { name: 'Receive' }).click();
    await lead.getByText('Received 4 × ITEM-S1 at BIN-L1.').waitFor();
    const fills = lead.getByRole('list', { name: 'Backorder lines it fills' });
    await fills.waitFor();
    expect(await fills.getByRole('listitem').allTextContents()).toEqual([
      'Line 1 of order SO-202: 4 of 4 · ITEM-S1',
      'Line 1 of order SO-201 left: no free stock is left for it after the lines before it · ITEM-S1',
    ]);

    // Allocation: the default rules leave SO-201; order date above customer tier leaves SO-202.
    await home(lead, 'Allocate stock');
    const counts = lead.getByRole('list', { name: 'Preview counts' });
    const leftLines = async () => {
      await counts.getByRole('button', { name: 'Left: 1 line', exact: true }).click();
      const table = lead.getByRole('table', { name: 'Left lines' });
      const rows = await table.locator('tbody tr').allTextContents();
      await counts.getByRole('button', { name: 'Left: 1 line', exact: true }).click();
      return rows;
    };
    await lead.getByRole('button', { name: 'Preview', exact: true }).click();
    await counts.getByRole('button', { name: 'Filled: 3 lines', exact: true }).waitFor();
    expect(await leftLines()).toEqual([
      expect.stringMatching(/^line 1 of order SO-201ITEM-S142.*not enough free stock: 0 of 4$/),
    ]);
    await lead.getByRole('button', { name: 'Move Order date, oldest first up' }).click();
    expect(
      await lead
        .getByRole('list', { name: 'Priority rules' })
        .getByRole('listitem')
        .evaluateAll((items) => items.slice(0, 3).map((i) => i.getAttribute('aria-label'))),
    ).toEqual([
      'Promise date, soonest first',
      'Order date, oldest first',
      'Customer tier, tier 1 first',
    ]);
    // The preview made with the old order is gone: it no longer says what Commit writes.
    expect(await counts.count()).toBe(0);
    await lead.getByRole('button', { name: 'Save rules' }).click();
    await lead.getByText('Rules saved: every station allocates by them.').waitFor();
    await lead.getByRole('button', { name: 'Preview', exact: true }).click();
    await counts.getByRole('button', { name: 'Filled: 3 lines', exact: true }).waitFor();
    expect(await counts.getByRole('button').allTextContents()).toEqual([
      'Filled: 3 lines',
      'Partly filled: 0 lines',
      'Left: 1 line',
    ]);
    expect(await leftLines()).toEqual([
      expect.stringMatching(/^line 1 of order SO-202ITEM-S141.*not enough free stock: 0 of 4$/),
    ]);
    await lead.getByRole('button', { name: 'Commit 3 lines' }).click();
    await lead
      .getByText('3 lines committed in 1 event. Preview again to see what is left.')
      .waitFor();
    await delivered(lead, 60_000);
    expect(
      await store!.query(
        'SELECT id, qty_allocated FROM backorder_lines WHERE qty_allocated > 0 ORDER BY id',
      ),
    ).toEqual([
      { id: 'SO-201/1', qty_allocated: 4 },
      { id: 'SO-203/1', qty_allocated: 3 },
      { id: 'SO-204/1', qty_allocated: 2 },
    ]);

    // A wave template of two-tote carts, chosen for the plan.
    await home(lead, 'Plan waves');
    const template = lead.getByRole('form', { name: 'Wave template' });
    await template.getByLabel('Name').fill('Two-tote carts');
    await template.getByLabel('Cart totes').fill('2');
    await template.getByRole('button', { name: 'Save template' }).click();
    await template.getByText('Saved "Two-tote carts"; plans use it.').waitFor();
    expect(await template.getByRole('combobox', { name: 'Plan with' }).inputValue()).toBe(
      'Two-tote carts',
    );
    await lead.getByRole('button', { name: 'Plan waves', exact: true }).click();
    const wave = lead.locator('article.plan-wave');
    await wave.waitFor({ timeout: 30_000 });
    expect(await wave.count()).toBe(1);
    const waveName = (await wave.getByRole('heading', { level: 3 }).textContent())!;
    // Named for the day, with no cut-off, the first wave of the day.
    expect(waveName).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} · no cut-off · Wave 1$/);
    expect(await wave.locator('p').first().textContent()).toBe(
      '3 orders · 3 lines · 9 units · 42 m',
    );
    await lead
      .getByRole('list', { name: 'Lines left' })
      .getByText('1 line: not enough free stock')
      .waitFor();
    const tour = (n: number) => lead.getByRole('listitem', { name: `Tour ${n} of ${waveName}` });
    const head = (n: number) => tour(n).locator('.plan-tour-head span');
    expect([await head(1).textContent(), await head(2).textContent()]).toEqual([
      'Tour 1: 2 orders · 2 lines · 6 units · 28 m',
      'Tour 2: 1 order · 1 line · 3 units · 14 m',
    ]);

    // Tour 1's map: the warehouse, the depot, the route and its two stops numbered.
    await tour(1)
      .getByRole('button', { name: `Open Tour 1 of ${waveName}` })
      .click();
    const map = tour(1).getByRole('img', { name: `Route of Tour 1 of ${waveName}: 2 stops, 28 m` });
    await map.waitFor();
    expect(await map.locator('.map-aisles line').count()).toBe(2);
    expect(await map.locator('.map-depot').count()).toBe(1);
    expect(await map.locator('.map-stop text').allTextContents()).toEqual(['1', '2']);
    // By location code, read from the device once the tour is open.
    await expect
      .poll(() => map.locator('.map-stop title').allTextContents())
      .toEqual(['Stop 1: BIN-L1', 'Stop 2: BIN-L5']);
    const ordersOn = (n: number) =>
      tour(n)
        .getByRole('list', { name: `Orders on Tour ${n} of ${waveName}` })
        .locator(':scope > li')
        .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
    expect(await ordersOn(1)).toEqual(['Order SO-201', 'Order SO-204']);

    // SO-204 moves to Tour 2: both tours are routed again.
    await tour(1)
      .getByRole('combobox', { name: 'Move SO-204 to' })
      .selectOption({ label: `Tour 2 of ${waveName}` });
    await tour(1).getByRole('button', { name: 'Move SO-204' }).click();
    await head(1).filter({ hasText: 'Tour 1: 1 order · 1 line · 4 units · 4 m' }).waitFor();
    expect(await head(2).textContent()).toBe('Tour 2: 2 orders · 2 lines · 5 units · 42 m');
    expect(await wave.locator('p').first().textContent()).toBe(
      '3 orders · 3 lines · 9 units · 46 m',
    );
    // The map the lead had open is drawn again.
    await tour(1)
      .getByRole('img', { name: `Route of Tour 1 of ${waveName}: 1 stop, 4 m` })
      .waitFor();

    // Released, and each tour given to a picker ahead of time.
    await wave.getByRole('button', { name: `Release ${waveName}` }).click();
    await wave.waitFor({ state: 'detached' });
    const released = lead.getByRole('list', { name: 'Released tours' });
    const assign = async (n: number, picker: { name: string }) => {
      const row = released.getByRole('listitem', { name: `Tour ${n} of ${waveName}` });
      await row
        .getByRole('combobox', { name: `Picker for Tour ${n} of ${waveName}` })
        .selectOption({ label: picker.name });
      await row.getByRole('button', { name: `Assign Tour ${n} of ${waveName}` }).click();
      await row.getByText(`Assigned to ${picker.name}`, { exact: true }).waitFor();
    };
    await assign(1, PEOPLE.picker);
    await assign(2, PIA);
    await delivered(lead, 60_000);

    // The picker, on their own device, starts Tour 1 and picks its one task.
    const picker = await device();
    await signIn(picker, url(), PEOPLE.picker);
    await picker.getByRole('link', { name: 'Picking' }).click();
    const start = picker.getByRole('link', { name: `Start Tour 1 of ${waveName}` });
    await start.waitFor({ timeout: 60_000 });
    const tourId = decodeURIComponent((await start.getAttribute('href'))!.split('/pick/')[1]!);
    await start.click();
    const task = await pickFirstTask(picker, tourId, 'TOTE-LEAD');
    expect({ location: task.locationId, sku: task.skuId, qty: task.qty }).toEqual({
      location: 'L1',
      sku: 'S1',
      qty: 4,
    });
    await delivered(picker, 60_000);

    // The lead's floor, after a pull: Tour 1 picked 1 of 1, Tour 2 still with Pia.
    await home(lead, 'The floor');
    const floorWave = lead.getByRole('article', { name: waveName });
    const floorTour = (n: number) =>
      floorWave.getByRole('listitem', { name: `Tour ${n} of ${waveName}` });
    await floorTour(1)
      .getByText(`Picking by ${PEOPLE.picker.name} — 1 of 1 task`, { exact: true })
      .waitFor({ timeout: 60_000 });
    expect(await floorWave.locator('p').first().textContent()).toMatch(
      /^Released .* · 2 tours · 1 of 3 tasks · 0 shorts · .* expected$/,
    );
    // Per picker: their tour and how far it is.
    const pickerRows = () =>
      lead
        .getByRole('table', { name: 'Pickers' })
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)),
        );
    expect(await pickerRows()).toEqual([
      [
        PEOPLE.picker.name,
        `Tour 1 of ${waveName}`,
        expect.stringMatching(/^1 of 1 task · 0 shorts · /),
      ],
      [PIA.name, `Tour 2 of ${waveName}`, expect.stringMatching(/^0 of 2 tasks · 0 shorts · /)],
    ]);
    expect(
      await floorTour(1)
        .getByRole('button', { name: /^Take back/ })
        .count(),
    ).toBe(0);
    await floorTour(2).getByText(`Assigned to ${PIA.name}`, { exact: true }).waitFor();
    // Started: the wave can no longer be cancelled or re-planned.
    expect(await floorWave.getByRole('button', { name: /^(Cancel|Re-plan) / }).count()).toBe(0);

    // The other tour handed from Pia to Pip, then taken back to the shelf.
    await floorTour(2)
      .getByRole('combobox', { name: `New picker for Tour 2 of ${waveName}` })
      .selectOption({ label: PIP.name });
    await floorTour(2)
      .getByRole('button', { name: `Hand over Tour 2 of ${waveName}` })
      .click();
    await floorTour(2).getByText(`Assigned to ${PIP.name}`, { exact: true }).waitFor();
    await floorTour(2)
      .getByRole('button', { name: `Take back Tour 2 of ${waveName}` })
      .click();
    await floorTour(2).getByText('Waiting for a picker', { exact: true }).waitFor();
    expect((await pickerRows()).map((r) => r[0])).toEqual([PEOPLE.picker.name]);
    await delivered(lead, 60_000);

    // The server agrees: the release took the committed allocation as it was (nothing reserved
    // twice), the picked units, the tours, and each of the lead's events once.
    expect(
      await store!.query('SELECT id, qty_allocated, qty_picked FROM backorder_lines ORDER BY id'),
    ).toEqual([
      { id: 'SO-201/1', qty_allocated: 4, qty_picked: 4 },
      { id: 'SO-202/1', qty_allocated: 0, qty_picked: 0 },
      { id: 'SO-203/1', qty_allocated: 3, qty_picked: 0 },
      { id: 'SO-204/1', qty_allocated: 2, qty_picked: 0 },
    ]);
    expect(await store!.query('SELECT id, on_hand, reserved FROM stock ORDER BY id')).toEqual([
      { id: 'L1|S1', on_hand: 0, reserved: 0 },
      { id: 'L3|S3', on_hand: 3, reserved: 3 },
      { id: 'L5|S5', on_hand: 2, reserved: 2 },
    ]);
    expect(
      await store!.query(
        'SELECT sequence, status, picker_id, route_length_m::float AS m FROM tours ORDER BY sequence',
      ),
    ).toEqual([
      { sequence: 0, status: 'picking', picker_id: PEOPLE.picker.id, m: 4 },
      { sequence: 1, status: 'released', picker_id: null, m: 42 },
    ]);
    const types = (await feed(url())).map((e) => e.event.type);
    const once = (type: string) => types.filter((t) => t === type).length;
    expect({
      received: once('stock.received'),
      rules: once('floor-settings.changed'),
      allocated: once('allocation.committed'),
      released: once('wave.released'),
      assigned: once('tour.assigned'),
      reassigned: once('tour.reassigned'),
      unassigned: once('tour.unassigned'),
    }).toEqual({
      received: 1,
      rules: 1,
      allocated: 1,
      released: 1,
      assigned: 2,
      reassigned: 1,
      unassigned: 1,
    });
  }, 300_000);
});
