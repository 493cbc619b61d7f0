// The lead's floor in Chromium with the server of this machine: the lead releases a wave; picker
// 1 claims a tour, is refused a second one, and picks its first task; the lead's floor shows the
// progress within a pull, and the lead hands the started tour to picker 2, whose device lists it
// to resume.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../fixtures/free-port';
import { spawnServer, type Running } from '../fixtures/spawn-server';
import { tempData } from '../fixtures/temp-data';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';
import { delivered, deviceRows, pickFirstTask, signIn, type Task } from './device-page';

const executable = browserOrSkip();
const ADMIN = 'browser-admin-token-floor-0123456789';

// A name as a regular expression that matches it and nothing else.
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!executable)('the lead’s floor in Chromium', () => {
  const browsers: LaunchedBrowser[] = [];
  let server: Running | undefined;
  let url: string;
  const device = async () => {
    const b = await launchChromium(executable!);
    browsers.push(b);
    return b.context.newPage();
  };

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    server = await spawnServer(port, tempData(), {
      demo: 120,
      env: { FILLWAVE_ADMIN_TOKEN: ADMIN },
    });
  }, 120_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  it('shows a picker’s progress within a pull, and hands a started tour to another picker', async () => {
    const lead = await device();
    await signIn(lead, url, { badge: 'LE001', pin: '123456' });
    await lead.getByRole('link', { name: 'Plan waves' }).click();
    await lead.getByRole('button', { name: 'Plan waves' }).click();
    const wave = lead.locator('article.plan-wave').first();
    await wave.waitFor({ timeout: 30_000 });
    await wave.getByRole('button', { name: /^Release/ }).click();
    await delivered(lead, 60_000);

    // Picker 1 claims the next tour, and is refused a second while holding it.
    const one = await device();
    await signIn(one, url, { badge: 'PI001', pin: '1234' });
    await one.getByRole('link', { name: 'Picking' }).click();
    await one.getByRole('button', { name: /Next tour \([1-9]/ }).click({ timeout: 30_000 });
    await one.waitForURL(/#\/pick\/.+/, { timeout: 30_000 });
    const tourId = decodeURIComponent(one.url().split('#/pick/')[1]!);
    const tourName = (await one.getByRole('heading', { level: 1 }).textContent())!;
    await one.locator('.tote-setup').waitFor();
    await one.goto(`${url}/#/pick`);
    await one.getByRole('button', { name: /Next tour \([1-9]/ }).click({ timeout: 30_000 });
    await one
      .getByRole('alert')
      .filter({ hasText: `You already hold ${tourName}: finish or drop it first.` })
      .waitFor();
    await one.getByRole('link', { name: new RegExp(`${literal(tourName)}$`) }).click();
    const task = await pickFirstTask(one, tourId, 'TOTE-FLOOR');
    await delivered(one, 60_000);

    // The lead's floor: the tour with its picker and progress, after one pull.
    await lead.goto(`${url}/#/`);
    await lead.getByRole('link', { name: 'The floor' }).click();
    const row = lead.getByRole('listitem', { name: tourName });
    const pickerOne = (await deviceRows<{ badge: string; name: string }>(lead, 'operators')).find(
      (o) => o.badge === 'PI001',
    )!.name;
    await row
      .getByText(new RegExp(`^Picking by ${literal(pickerOne)} — 1 of \\d+ tasks$`))
      .waitFor({
        timeout: 30_000,
      });
    expect(await row.getByRole('button', { name: /^Take back/ }).count()).toBe(0);

    // Handed over mid-walk to picker 2: shown at once, and on picker 2's device after a pull.
    const choice = row.getByRole('combobox', { name: `New picker for ${tourName}` });
    const pickerTwo = (await choice.locator('option', { hasText: '(picker 2)' }).textContent())!;
    await choice.selectOption({ label: pickerTwo });
    await row.getByRole('button', { name: `Hand over ${tourName}` }).click();
    await row
      .getByText(new RegExp(`^Picking by ${literal(pickerTwo)} — 1 of \\d+ tasks$`))
      .waitFor();
    await delivered(lead, 60_000);

    const two = await device();
    await signIn(two, url, { badge: 'PI002', pin: '1234' });
    await two.getByRole('link', { name: 'Picking' }).click();
    await two.getByRole('link', { name: `Resume ${tourName}` }).waitFor({ timeout: 30_000 });
    // The task picker 1 picked stays picked; the rest is picker 2's.
    const tasks = await deviceRows<Task & { status: string }>(two, 'pickTasks');
    expect(tasks.find((t) => t.id === task.id)!.status).toBe('picked');
  }, 300_000);
});
