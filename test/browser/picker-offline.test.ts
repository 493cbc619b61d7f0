// A picker's shift in Chromium with the server of this machine: the lead plans and releases a
// wave and assigns one tour ahead; picker A claims the next tour while the server answers, then
// the server stops: A walks the whole tour by scanner bursts (a wrong item, a case barcode, a
// short pick), reloads mid-task, finishes and drops the totes; picker B, offline too, walks the
// tour assigned to them on a 360 x 640 handheld, where every control of the tour fits the screen
// with no scrolling and a message never moves the task; neither can start the unassigned tour. The server comes back: each pick
// reached it once, the short line is backordered again, its bin corrected and flagged for a count.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPageSchema, type FeedPage } from '../../shared/sync-api/feed';
import { freePort } from '../fixtures/free-port';
import { spawnServer, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';
import {
  boxOf,
  expectCompactStatus,
  expectInReach,
  expectOnScreen,
  HANDHELD,
} from './handheld-reach';

const executable = browserOrSkip();
const ADMIN = 'browser-admin-token-picker-0123456';

interface Row {
  [key: string]: unknown;
}
interface Task {
  id: string;
  tourId: string;
  locationId: string;
  skuId: string;
  qty: number;
  toteSlot: number;
  backorderLineId: string;
}
interface Sku {
  id: string;
  sku: string;
  barcodes: { code: string; kind: string; units: number }[];
}

// The device's pulled rows, read straight from its IndexedDB (what the server sent it).
const rows = async <T = Row>(page: Page, store: string): Promise<T[]> =>
  (await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('fillwave');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction(${JSON.stringify(store)}, 'readonly').objectStore(${JSON.stringify(store)}).getAll();
      req.onsuccess = () => { resolve(req.result); db.close(); };
      req.onerror = () => reject(req.error);
    };
  })`)) as T[];

// A keyboard-wedge scanner: the code's keys and Enter, back to back, with no field focused.
const scan = (page: Page, code: string) =>
  page.evaluate(`(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    for (const key of [...${JSON.stringify(code)}, 'Enter'])
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  })()`);

const connectAndSignIn = async (page: Page, url: string, badge: string) => {
  await page.goto(`${url}/#/setup`);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByText(/Synced \d/).waitFor({ timeout: 60_000 });
  await page.getByLabel('Badge').fill(badge);
  // The demo's PINs: 123456 for leads (6 digits at least), 1234 for the rest.
  await page.getByLabel('PIN').fill(badge.startsWith('LE') ? '123456' : '1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
};

const currentTaskKey = (page: Page) =>
  page.locator('[data-testid^="task-"]').first().getAttribute('data-testid', { timeout: 15_000 });

// Walks the tour on screen to its end. Options: the first task gets a wrong item first; one task
// whose quantity allows is picked with its case barcode; `shortAt` is reported short (none
// found); `reloadAt` reloads the page after the item scan, before the tote.
const walk = async (
  page: Page,
  tourId: string,
  options: {
    wrongItem?: boolean;
    useCase?: boolean;
    shortAt?: number;
    reloadAt?: number;
    handheld?: boolean;
  } = {},
) => {
  const tasks = (await rows<Task>(page, 'pickTasks')).filter((t) => t.tourId === tourId);
  const skus = new Map((await rows<Sku>(page, 'skus')).map((s) => [s.id, s]));
  const codes = new Map(
    (await rows<{ id: string; code: string }>(page, 'locations')).map((l) => [l.id, l.code]),
  );
  const slots = [...new Set(tasks.map((t) => t.toteSlot))];
  if (options.handheld) expect(slots.length, 'a cart of two totes or more').toBeGreaterThan(1);
  let setupTop = 0;
  for (let i = 0; i < slots.length; i++) {
    const prompt = await page.locator('.tote-setup .prompt').textContent({ timeout: 15_000 });
    const slot = Number(/slot (\d+)/.exec(prompt!)![1]) - 1;
    if (options.handheld && i === 0) {
      await expectCompactStatus(page);
      await expectInReach(page, 'tote setup', ['Enter', 'Pause tour']);
      setupTop = (await boxOf(page, '.tote-setup')).y;
    }
    await scan(page, `TOTE-${tourId.slice(0, 6)}-${slot}`);
    // The last tote ends the setup: the first task shows.
    await (
      i + 1 < slots.length
        ? page.locator('.slots li.done').filter({ hasText: `TOTE-${tourId.slice(0, 6)}-${slot}` })
        : page.locator('[data-testid^="task-"]')
    ).waitFor();
    if (options.handheld && i === 0) {
      // The same tote again: refused on screen, and the setup has not moved for either message.
      await scan(page, `TOTE-${tourId.slice(0, 6)}-${slot}`);
      const refused = page.getByRole('alert').filter({ hasText: 'is already in slot' });
      await refused.waitFor();
      expectOnScreen((await refused.boundingBox())!);
      expect((await boxOf(page, '.tote-setup')).y, 'tote setup moved by a message').toBe(setupTop);
      await expectInReach(page, 'tote setup, a tote refused', ['Enter', 'Pause tour']);
    }
  }
  let taskTop: number | null = null;
  const done = new Set<string>();
  const result = {
    picked: [] as Task[],
    short: null as Task | null,
    usedCase: false,
    reloaded: false,
  };
  // A short pick cancels the tour's other tasks on the same bin: walk until the end shows.
  for (let n = 0; ; n++) {
    await page.locator('[data-testid^="task-"], .tour-end').first().waitFor({ timeout: 15_000 });
    if (await page.locator('.tour-end').count()) break;
    const key = await currentTaskKey(page);
    const task = tasks.find((t) => `task-${t.id}` === key)!;
    expect(task, key!).toBeDefined();
    expect(done.has(task.id)).toBe(false);
    const sku = skus.get(task.skuId)!;
    if (options.handheld) {
      const actions = ['Enter', 'Short pick', 'Skip for now', 'Pause tour'];
      if (n === 0) {
        // With no message at all (a reload forgets the last), then with a refusal: same place.
        await page.reload();
        await page.locator(`[data-testid="task-${task.id}"]`).waitFor({ timeout: 20_000 });
        taskTop = (await boxOf(page, `[data-testid="task-${task.id}"]`)).y;
        await scan(page, 'NO-SUCH-BIN');
        await page.getByRole('alert').filter({ hasText: 'Wrong location' }).waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          HANDHELD.width,
        );
      }
      // The last task's "Picked …" sits in the message place, not above this task.
      expect((await boxOf(page, `[data-testid="task-${task.id}"]`)).y, 'task moved').toBe(taskTop);
      await expectInReach(page, `task ${n + 1}, at the location`, actions);
      await scan(page, codes.get(task.locationId)!);
      await page.getByText('Scan the item').waitFor();
      await expectInReach(page, `task ${n + 1}, at the item`, ['Set count', ...actions]);
      if (n === 0) {
        // The short pick's form and its confirmation fit too; backed out, nothing is sent.
        await page.getByRole('button', { name: 'Short pick' }).click();
        await page.getByLabel('Found', { exact: true }).fill(String(task.qty));
        await page.getByRole('alert').filter({ hasText: 'is not short' }).waitFor();
        await expectInReach(page, 'short pick, refused', ['Next', 'Back']);
        await page.getByLabel('Found', { exact: true }).fill('0');
        await page.getByLabel('Not found').check();
        await expectInReach(page, 'short pick', ['Next', 'Back']);
        await page.getByRole('button', { name: 'Next' }).click();
        expectOnScreen(await boxOf(page, '.short-outcome'));
        await expectInReach(page, 'short pick, confirming', ['Report short', 'Change']);
        await page.getByRole('button', { name: 'Change' }).click();
        await page.getByRole('button', { name: 'Back' }).click();
      }
    } else {
      await scan(page, codes.get(task.locationId)!);
      await page.getByText('Scan the item').waitFor();
    }
    if (n === 0 && options.wrongItem) {
      const other = [...skus.values()].find((s) => s.id !== sku.id)!;
      await scan(page, other.barcodes[0]!.code);
      await page.getByRole('alert').filter({ hasText: 'Wrong item' }).waitFor();
    }
    if (n === options.shortAt) {
      await page.getByRole('button', { name: 'Short pick' }).click();
      await page.getByLabel('Found', { exact: true }).fill('0');
      await page.getByLabel('Not found').check();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Report short' }).click();
      await page.getByText(/Short pick reported/).waitFor();
      result.short = task;
    } else {
      const each = sku.barcodes.find((b) => b.kind === 'each')!;
      const box = sku.barcodes.find((b) => b.kind === 'case')!;
      let left = task.qty;
      if (options.useCase && !result.usedCase && box.units <= left) {
        await scan(page, box.code);
        left -= box.units;
        result.usedCase = true;
      }
      for (; left > 0; left--) await scan(page, each.code);
      await page
        .getByTestId('counted')
        .filter({ hasText: String(task.qty) })
        .waitFor();
      if (options.handheld)
        await expectInReach(page, `task ${n + 1}, counted`, [
          'Set count',
          'Short pick',
          'Pause tour',
          ...(n > 0 ? ['Undo last pick'] : []),
        ]);
      if (!result.reloaded && n >= (options.reloadAt ?? Infinity)) {
        result.reloaded = true;
        await page.reload();
        await page.locator(`[data-testid="task-${task.id}"]`).waitFor({ timeout: 20_000 });
        await page
          .getByTestId('counted')
          .filter({ hasText: String(task.qty) })
          .waitFor();
      }
      await scan(page, `TOTE-${tourId.slice(0, 6)}-${task.toteSlot}`);
      await page.getByText(/^Picked \d+ ×/).waitFor();
      result.picked.push(task);
    }
    done.add(task.id);
    await page.waitForFunction(
      (k) =>
        document.querySelector(`[data-testid="${k}"]`) === null ||
        document.querySelector('.tour-end') !== null,
      key,
    );
  }
  await page.getByRole('heading', { name: 'Tour done' }).waitFor();
  return result;
};

describe.skipIf(!executable)('pickers offline in Chromium', () => {
  const browsers: LaunchedBrowser[] = [];
  let server: Running | undefined;
  let port: number;
  const data = tempData();
  const start = async (demo: boolean) => {
    server = await spawnServer(port, data, {
      demo: demo ? 400 : undefined,
      env: { FILLWAVE_ADMIN_TOKEN: ADMIN },
    });
  };
  const device = async () => {
    const b = await launchChromium(executable!);
    browsers.push(b);
    return b.context.newPage();
  };

  beforeAll(async () => {
    port = await freePort();
    await start(true);
  });
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  it('walks tours with no network and delivers every step once when the server is back', async () => {
    const url = `http://127.0.0.1:${port}`;

    // The lead plans, releases the first wave and gives its first tour to picker 2.
    const lead = await device();
    await connectAndSignIn(lead, url, 'LE001');
    await lead.getByRole('link', { name: 'Plan waves' }).click();
    await lead.getByRole('button', { name: 'Plan waves' }).click();
    const wave = lead.locator('article.plan-wave').first();
    await wave.waitFor();
    expect(await wave.locator('.plan-tours li').count()).toBeGreaterThanOrEqual(3);
    await wave.getByRole('button', { name: /^Release/ }).click();
    const first = lead.locator('li.plan-tour').first();
    const picker2 = await first.locator('option', { hasText: '(picker 2)' }).textContent();
    await first.getByRole('combobox').selectOption({ label: picker2! });
    await first.getByRole('button', { name: /^Assign/ }).click();
    await first.getByText(`Assigned to ${picker2}`).waitFor();
    await lead.getByTestId('waiting').filter({ hasText: '0 waiting' }).waitFor({ timeout: 30_000 });

    // Picker A claims the next tour while the server answers.
    const a = await device();
    await connectAndSignIn(a, url, 'PI001');
    await a.getByRole('link', { name: 'Picking' }).click();
    await a.getByRole('button', { name: /Next tour \([1-9]/ }).click({ timeout: 30_000 });
    await a.waitForURL(/#\/pick\/.+/, { timeout: 30_000 });
    const tourA = decodeURIComponent(a.url().split('#/pick/')[1]!);
    await a.locator('.tote-setup').waitFor();

    // Picker B has the assigned tour on the device before the network goes.
    const b = await device();
    await b.setViewportSize(HANDHELD);
    await connectAndSignIn(b, url, 'PI002');
    await b.getByRole('link', { name: 'Picking' }).click();
    const startB = b.getByRole('link', { name: /^Start / });
    await startB.waitFor({ timeout: 30_000 });
    // The link names the tour ("Start Tour 1 of Wave 1"); its address carries the id.
    const startLabelB = (await startB.textContent())!;
    const tourB = decodeURIComponent((await startB.getAttribute('href'))!.split('/pick/')[1]!);
    const unassigned = (
      await rows<{ id: string; status: string; pickerId: string | null }>(b, 'tours')
    ).find((t) => t.status === 'released' && !t.pickerId)!;
    expect(unassigned).toBeDefined();

    await server!.stop();
    server = undefined;

    // Offline, neither picker can start the unassigned tour.
    for (const p of [a, b]) {
      await p.goto(`${url}/#/pick`);
      await p.getByText('No network: you can start only tours a lead assigned to you.').waitFor({
        timeout: 30_000,
      });
      expect(await p.getByRole('button', { name: /Next tour/ }).isDisabled()).toBe(true);
      await p.goto(`${url}/#/pick/${encodeURIComponent(unassigned.id)}`);
      await p.getByText(/This tour is not yours yet/).waitFor();
      expect(await p.locator('.tote-setup, .task').count()).toBe(0);
    }

    // A walks the claimed tour offline; B walks the assigned one.
    await a.goto(`${url}/#/pick/${encodeURIComponent(tourA)}`);
    const walkedA = await walk(a, tourA, {
      wrongItem: true,
      useCase: true,
      shortAt: 1,
      reloadAt: 2,
    });
    expect(walkedA.short).not.toBeNull();
    expect(walkedA.reloaded).toBe(true);
    await a.getByLabel('Pack station').fill('PACK-1');
    await a.getByRole('button', { name: 'Drop at pack station' }).click();
    await a.getByText('Totes dropped at PACK-1.').first().waitFor();
    await b.goto(`${url}/#/pick`);
    await b.getByRole('link', { name: startLabelB }).click();
    const walkedB = await walk(b, tourB, { useCase: true, handheld: true });
    // One case barcode was scanned for its units (the first task that asked for a case or more).
    expect(walkedA.usedCase || walkedB.usedCase).toBe(true);
    await b.getByLabel('Pack station').fill('PACK-2');
    // The end on the handheld: Drop, and Undo apart from it (a touch target's height between
    // them at least, and not the screen's width), so a thumb meant for one cannot hit the other.
    await expectInReach(b, 'tour end', ['Drop at pack station', 'Pause tour', 'Undo last pick']);
    const drop = await boxOf(b, '.tour-end button[type=submit]');
    const undo = await boxOf(b, 'button:has-text("Undo last pick")');
    expect(undo.y - (drop.y + drop.height), 'room between Drop and Undo').toBeGreaterThanOrEqual(
      48,
    );
    expect(undo.width).toBeLessThanOrEqual(HANDHELD.width * 0.6);
    await b.getByRole('button', { name: 'Drop at pack station' }).click();
    await b.getByText('Totes dropped at PACK-2.').first().waitFor();

    // The server comes back: both outboxes drain.
    await start(false);
    for (const p of [a, b])
      await p.getByTestId('waiting').filter({ hasText: '0 waiting' }).waitFor({ timeout: 90_000 });

    const events: FeedPage['events'] = [];
    for (let after: string | null = null; ;) {
      const page = FeedPageSchema.parse(
        await (
          await fetch(
            `${url}/api/v1/admin/events?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`,
            { headers: { authorization: `Bearer ${ADMIN}` } },
          )
        ).json(),
      );
      events.push(...page.events);
      if (!page.hasMore) break;
      after = page.checkpoint;
    }
    const ofType = (type: string) => events.filter((e) => e.event.type === type);
    const pickedTasks = ofType('pick.confirmed').map(
      (e) => (e.event.payload as { pickTaskId: string }).pickTaskId,
    );
    // Each pick once, none lost: every picked task of both tours, and nothing else.
    expect([...pickedTasks].sort()).toEqual(
      [...walkedA.picked, ...walkedB.picked].map((t) => t.id).sort(),
    );
    expect(
      ofType('short-pick.reported').map(
        (e) => (e.event.payload as { pickTaskId: string }).pickTaskId,
      ),
    ).toEqual([walkedA.short!.id]);
    expect(ofType('totes.dropped')).toHaveLength(2);

    // What the server now says, as A's device pulled it.
    await a.waitForFunction(
      `new Promise((resolve) => {
        const open = indexedDB.open('fillwave');
        open.onsuccess = () => {
          const req = open.result.transaction('tours').objectStore('tours').get(${JSON.stringify(tourA)});
          req.onsuccess = () => { resolve(req.result && req.result.status === 'dropped'); open.result.close(); };
        };
      })`,
      null,
      { timeout: 30_000 },
    );
    const short = walkedA.short!;
    const line = (await rows<Row>(a, 'backorderLines')).find(
      (l) => l.id === short.backorderLineId,
    )!;
    expect(line.qtyShort).toBe(short.qty);
    expect(['open', 'allocated']).toContain(line.status);
    const stock = (await rows<Row>(a, 'stock')).find(
      (s) => s.id === `${short.locationId}|${short.skuId}`,
    )!;
    expect(stock.onHand).toBe(0);
    const location = (await rows<Row>(a, 'locations')).find((l) => l.id === short.locationId)!;
    expect(location.countRequired).toBe(true);
    const tasksA = (await rows<Task & { status: string }>(a, 'pickTasks')).filter(
      (t) => t.tourId === tourA,
    );
    expect(tasksA.every((t) => t.status === 'picked' || t.status === 'short')).toBe(true);
    // About 40 s here; room for a machine half as fast, busy with other work.
  }, 240_000);
});
