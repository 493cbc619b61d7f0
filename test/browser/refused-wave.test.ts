// Two leads, two stations, one stock: with the server away, each plans the shift and releases
// the first wave, which draws on the same lines. When the network is back, lead A's release
// reaches the server first and wins; lead B's is refused. B sees why on the plan screen, with
// "1 refused" in the bar, plans again from the notice and releases what is still free; "Got it"
// clears the count, and a reload does not bring it back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedPageSchema } from '../../shared/sync-api/feed';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';
import { demoStation, enrollOnLoopback } from './demo-station';
import { startTcpDoor, type TcpDoor } from './tcp-door';

const executable = browserOrSkip();
const ADMIN = 'browser-admin-token-refused-01234';

// The demo's leads: LE001 and LE002, PIN 123456.
const leadOpensPlan = async (page: Page, badge: string) => {
  await page.getByLabel('Badge').fill(badge);
  await page.getByLabel('PIN').fill('123456');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: 'Plan waves' }).click();
  await page.getByRole('heading', { name: 'Plan waves' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
};

// Plans the shift and releases its first wave; returns the wave's name.
const releaseFirstWave = async (page: Page): Promise<string> => {
  await page.getByRole('button', { name: 'Plan waves', exact: true }).click();
  const wave = page.locator('article.plan-wave').first();
  await wave.waitFor();
  const name = (await wave.getByRole('heading').textContent())!;
  await wave.getByRole('button', { name: `Release ${name}` }).click();
  return name;
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const waiting = (page: Page, n: number, timeout = 15_000) =>
  page
    .getByTestId('waiting')
    .filter({ hasText: `${n} waiting` })
    .waitFor({ timeout });

describe.skipIf(!executable)('a wave refused in Chromium', () => {
  const station = demoStation(executable!, ADMIN);
  let second: LaunchedBrowser;
  let doorB: TcpDoor | undefined;
  beforeAll(async () => {
    second = await launchChromium(executable!);
  });
  afterAll(async () => {
    await second?.close();
    await doorB?.close();
  });

  it('shows the losing lead a notice and a count, lets them plan again, and clears on "Got it"', async () => {
    const url = station.url();
    const a = await station.chromium.context.newPage();
    const b = await second.context.newPage();
    // B reaches the server through a door of its own, which the test can shut for B alone.
    doorB = await startTcpDoor(Number(new URL(url).port));
    await enrollOnLoopback(a, url);
    await enrollOnLoopback(b, doorB.url);
    await leadOpensPlan(a, 'LE001');
    await leadOpensPlan(b, 'LE002');

    // Both offline: each device plans on what it holds, and both first waves take the same lines.
    await station.stop();
    const nameA = await releaseFirstWave(a);
    const nameB = await releaseFirstWave(b);
    await waiting(a, 1);
    await waiting(b, 1);

    // The network comes back for A first (B's station is still off it): A's release wins.
    doorB.cut();
    await station.start();
    await a.getByRole('button', { name: 'Sync now' }).click();
    await waiting(a, 0, 60_000);
    expect(await a.getByTestId('refused').count()).toBe(0);
    await waiting(b, 1);

    // Then for B: its release is refused, and B is told where it planned.
    doorB.open();
    await b.getByRole('button', { name: 'Sync now' }).click();
    const notice = b.getByRole('article', { name: /was not released/ });
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.locator('strong').textContent()).toMatch(
      new RegExp(`^${escape(nameB)} was not released: `),
    );
    await notice
      .getByText('Plan the waves again: the new plan uses only the stock that is still free.')
      .waitFor();
    await b.getByTestId('refused').filter({ hasText: '1 refused' }).waitFor();
    await waiting(b, 0);

    // The pull brings A's wave: its tours are listed on B's plan screen before B plans again.
    await b
      .getByRole('list', { name: 'Released tours' })
      .getByRole('listitem', { name: new RegExp(`of ${escape(nameA)}$`) })
      .first()
      .waitFor({ timeout: 30_000 });
    // The preview B planned before going online is still on screen; the new one replaces it
    // once the plan button is free again.
    await notice.getByRole('button', { name: 'Plan waves again' }).click();
    await b.waitForFunction(
      () => !document.querySelector('section.plan button[disabled]:not([aria-label^="Assign"])'),
    );
    const again = b.locator('article.plan-wave').first();
    await again.waitFor();
    const nameAgain = (await again.getByRole('heading').textContent())!;
    await again.getByRole('button', { name: `Release ${nameAgain}` }).click();

    // The server takes B's new wave beside A's; B's first was refused and is not in the log.
    const released = async () => {
      const res = await fetch(`${url}/api/v1/admin/events?limit=1000`, {
        headers: { authorization: `Bearer ${ADMIN}` },
      });
      return FeedPageSchema.parse(await res.json())
        .events.filter((e) => e.event.type === 'wave.released')
        .map((e) => (e.event.payload as { name: string }).name);
    };
    await expect.poll(released, { timeout: 60_000, interval: 250 }).toHaveLength(2);
    expect(await released()).toEqual([nameA, nameAgain]);
    await waiting(b, 0, 30_000);
    // Planning again is not acknowledging: the count stays (at one) until B says so.
    await b.getByTestId('refused').filter({ hasText: '1 refused' }).waitFor();
    await notice.getByRole('button', { name: 'Got it' }).click();
    await b.getByTestId('refused').waitFor({ state: 'detached' });
    await notice.waitFor({ state: 'detached' });

    // Acknowledged stays acknowledged across a reload, and the device's log says who did it.
    await b.reload();
    await b.getByRole('heading', { name: 'Plan waves' }).waitFor({ timeout: 15_000 });
    await b.getByTestId('waiting').waitFor();
    expect(await b.getByTestId('refused').count()).toBe(0);
    await b.goto(`${doorB.url}/#/sync-problems`);
    await b.getByRole('article', { name: /was not released/ }).waitFor();
    await b.getByText(/Acknowledged · a wave released · by .*lead 2.*: /).waitFor();
  });
});
