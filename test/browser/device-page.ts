// One person's device in the browser tests: a scanner's keys, the device's own IndexedDB rows,
// signing in, and waiting for its steps to reach the server.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { enrollOnLoopback } from './demo-station';

// A keyboard-wedge scanner: the code's keys and Enter, with no field focused.
export const scan = (page: Page, code: string) =>
  page.evaluate(`(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    for (const key of [...${JSON.stringify(code)}, 'Enter'])
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  })()`);

// The device's rows of one store, straight from its IndexedDB.
export const deviceRows = async <T>(page: Page, store: string): Promise<T[]> =>
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

export const signIn = async (page: Page, url: string, who: { badge: string; pin: string }) => {
  await enrollOnLoopback(page, url);
  await page.getByLabel('Badge').fill(who.badge);
  await page.getByLabel('PIN').fill(who.pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Backorder fill' }).waitFor();
  // The app's files cached: the page reloads and navigates with the server away.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
};

export const waiting = (page: Page, n: number, timeout = 30_000) =>
  page
    .getByTestId('waiting')
    .filter({ hasText: `${n} waiting` })
    .waitFor({ timeout });

// Every step the device took has the server's answer: nothing in its outbox waits to be sent.
// Read from its IndexedDB first: the bar's "0 waiting" may not have caught up with a step just
// taken, and a check of the server then would run before that step reached it. Called once the
// screen has said the last step is done (so it is in the outbox).
export const delivered = async (page: Page, timeout: number) => {
  await expect
    .poll(
      async () =>
        (await deviceRows<{ status: string }>(page, 'outbox')).filter(
          (e) => e.status !== 'accepted',
        ).length,
      { timeout, interval: 250 },
    )
    .toBe(0);
  await waiting(page, 0, timeout);
};

export interface Task {
  id: string;
  tourId: string;
  locationId: string;
  skuId: string;
  qty: number;
  sequence: number;
  toteSlot: number;
}

// On the tour's screen: totes onto the cart, one per slot (`${totePrefix}-${slot}`), then the
// first task in route order: location, each item, tote. Returns the task picked.
export const pickFirstTask = async (page: Page, tourId: string, totePrefix: string) => {
  const tasks = (await deviceRows<Task>(page, 'pickTasks')).filter((t) => t.tourId === tourId);
  const tote = (slot: number) => `${totePrefix}-${slot}`;
  for (let i = 0; i < new Set(tasks.map((t) => t.toteSlot)).size; i++) {
    const prompt = await page.locator('.tote-setup .prompt').textContent({ timeout: 15_000 });
    await scan(page, tote(Number(/slot (\d+)/.exec(prompt!)![1]) - 1));
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('.slots li.done').length >= n ||
        !document.querySelector('.tote-setup'),
      i + 1,
    );
  }
  const key = await page.locator('[data-testid^="task-"]').first().getAttribute('data-testid');
  const task = tasks.find((t) => `task-${t.id}` === key)!;
  const skus = await deviceRows<{ id: string; barcodes: { code: string; kind: string }[] }>(
    page,
    'skus',
  );
  const locations = await deviceRows<{ id: string; code: string }>(page, 'locations');
  await scan(page, locations.find((l) => l.id === task.locationId)!.code);
  await page.getByText('Scan the item').waitFor();
  const each = skus.find((s) => s.id === task.skuId)!.barcodes.find((b) => b.kind === 'each')!;
  for (let n = 0; n < task.qty; n++) await scan(page, each.code);
  await page
    .getByTestId('counted')
    .filter({ hasText: String(task.qty) })
    .waitFor();
  await scan(page, tote(task.toteSlot));
  await page.getByText(/^Picked \d+ ×/).waitFor();
  return task;
};
