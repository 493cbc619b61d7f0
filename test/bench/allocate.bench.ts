// Issue 15, allocate.preview: in Chromium with 100,000 backorder lines on the device, the time
// from a click on "Preview" (the lead's allocate screen, the default rules) to the counts of
// filled, partly filled and left lines on screen, median over 5 runs after one warm-up. The
// baseline is the engine alone: previewAllocation (allocation and the words for every line) in
// Node on the same rows, read from the page's IndexedDB after the runs, median of 5. The ratio is
// what the screen adds: reading 100,000 lines from IndexedDB (preview.read_lines: one raw read of
// them, for scale), the pending view, and drawing.
//
// allocate.preview_waves: on the same device, the time from a click on "Plan waves" (the lead's
// plan screen, the default template and rules) to the waves drawn, median over 3 page loads (the
// preview lives until the page goes). Baseline: planShiftFrom alone in Node on the same rows.
//
// As scan.bench.ts does: enrol against the demo server, pull, type the lead's badge and PIN, stop
// the server (offline, so no pull lands during a run), sign in and open the screen.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { activePriority, DEFAULT_FLOOR_SETTINGS } from '../../shared/domain/floor-settings';
import {
  previewAllocation,
  type AllocationPreview,
  type AllocationSite,
} from '../../shared/engines/allocation/preview';
import { planShiftFrom, type ShiftSite } from '../../shared/engines/plan/shift';
import { findChromium, launchChromium } from '../browser/chromium';
import { newDataDir } from '../fixtures/data-dir';
import { freePort } from '../fixtures/free-port';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';
import type { BenchGroup } from './harness';
import { median, within } from './stats';

const LINES = 100_000;
const RUNS = 5;
const PLAN_RUNS = 3;
const BADGE = 'LE001';
const PIN = '123456';

interface PreviewSample {
  domMs: number[];
  frameMs: number[];
  counts: string[];
}

// In the page (a string: tsx would wrap named inner functions in a helper the page lacks).
// Each run: "Order number" switched off and on again clears the last preview (a preview made
// with other rules is dropped), then "Preview" is clicked and the time taken until the counts
// are in the DOM, and until the frame after.
const previewScript = (runs: number) => `(async () => {
  const RUNS = ${runs};
  const buttonNamed = (start) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent.startsWith(start));
  const until = (test) => new Promise((resolve) => {
    if (test()) return resolve(performance.now());
    const seen = new MutationObserver(() => {
      if (!test()) return;
      seen.disconnect();
      resolve(performance.now());
    });
    seen.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const box = [...document.querySelectorAll('input[type=checkbox]')].find((c) =>
    c.parentElement.textContent.trim() === 'Order number');
  if (!box) throw new Error('no "Order number" rule on the screen');
  const domMs = [], frameMs = [], counts = [];
  for (let run = 0; run < RUNS; run++) {
    box.click();
    await until(() => !box.checked);
    box.click();
    await until(() => box.checked && !buttonNamed('Filled:'));
    await frame();
    const preview = buttonNamed('Preview');
    const started = performance.now();
    preview.click();
    const drawn = await until(() => buttonNamed('Filled:') || document.querySelector('[role=alert]'));
    const alert = document.querySelector('[role=alert]');
    if (alert) throw new Error('the preview failed: ' + alert.textContent);
    const painted = await frame();
    domMs.push(drawn - started);
    frameMs.push(painted - started);
    counts.push([...document.querySelectorAll('[aria-label="Preview counts"] button')]
      .map((b) => b.textContent).join(', '));
  }
  return { domMs, frameMs, counts };
})()`;

// In the page: one click on "Plan waves", timed until the first wave is in the DOM.
const planScript = `(async () => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Plan waves');
  if (!button) throw new Error('no "Plan waves" button on the screen');
  const drawn = () => document.querySelector('.plan-wave') || document.querySelector('.plan [role=alert]');
  const started = performance.now();
  button.click();
  const at = await new Promise((resolve) => {
    if (drawn()) return resolve(performance.now());
    const seen = new MutationObserver(() => {
      if (!drawn()) return;
      seen.disconnect();
      resolve(performance.now());
    });
    seen.observe(document.body, { childList: true, subtree: true });
  });
  const alert = document.querySelector('.plan [role=alert]');
  if (alert) throw new Error('the plan failed: ' + alert.textContent);
  return { ms: at - started, waves: document.querySelectorAll('.plan-wave').length };
})()`;

// The rows the preview runs read, raw from IndexedDB as pulled (the runs came before the commit,
// with nothing waiting), and the events waiting now.
const siteScript = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('fillwave');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (store) => new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const LIVE = ['open', 'allocated', 'in_wave', 'held'];
  const started = performance.now();
  await all('backorderLines');
  const readMs = performance.now() - started;
  return {
    readMs,
    waiting: (await all('outbox')).filter((e) => e.status === 'pending').length,
    site: {
      layouts: await all('warehouseLayouts'),
      locations: await all('locations'),
      skus: await all('skus'),
      stock: await all('stock'),
      reservations: await all('reservations'),
      lines: (await all('backorderLines')).filter((l) => LIVE.includes(l.status)),
    },
  };
})()`;

const countsOf = ({ counts: c }: AllocationPreview) =>
  `Filled: ${c.filled.toLocaleString('en')} lines, Partly filled: ${c.partly.toLocaleString('en')} lines, Left: ${c.left.toLocaleString('en')} lines`;

const group: BenchGroup = {
  group: 'allocate',
  benches: [
    {
      name: 'preview',
      run: async () => {
        const executable = findChromium();
        if (!executable) {
          console.warn(
            'allocate.preview skipped: no Chromium (apt-get install -y chromium, or set CHROME_PATH)',
          );
          return [];
        }
        const port = await freePort();
        const data = newDataDir('fillwave-bench-');
        let server: Running | undefined = await spawnUntilListening(
          'node',
          ['dist/server/main.mjs', '--port', String(port), '--data', data, '--demo', String(LINES)],
          { timeoutMs: 600_000 },
        );
        const chromium = await launchChromium(executable);
        try {
          const page = await chromium.context.newPage();
          page.setDefaultTimeout(30_000);
          await page.goto(`http://127.0.0.1:${port}/#/setup`);
          await page.getByRole('button', { name: 'Connect' }).click();
          await page.getByText(/Synced \d/).waitFor({ timeout: 600_000 });
          await page.getByLabel('Badge').fill(BADGE);
          await page.getByLabel('PIN').fill(PIN);
          await server.stop();
          server = undefined;
          await page.getByRole('button', { name: 'Sign in' }).click();
          const planMs: number[] = [];
          let waves = 0;
          for (let run = 0; run < PLAN_RUNS; run++) {
            if (run > 0) await page.reload();
            await page.getByRole('link', { name: 'Plan waves' }).click();
            await page.getByRole('button', { name: 'Plan waves' }).waitFor();
            const planned = await within(
              600_000,
              'planning waves',
              page.evaluate<{ ms: number; waves: number }>(planScript),
            );
            planMs.push(planned.ms);
            waves = planned.waves;
            await page.goto(`http://127.0.0.1:${port}/#/`);
          }
          await page.getByRole('link', { name: 'Allocate stock' }).click();
          await page.getByRole('list', { name: 'Priority rules' }).waitFor();

          const sample = await within(
            600_000,
            'previewing',
            page.evaluate<PreviewSample>(previewScript(RUNS + 1)),
          );
          // Then Commit the last preview: its fill list as events of at most 2,000 lines, each
          // checked by the device's own rule first. Pulled rows stay the server's until it
          // answers, so the rows read after are still the ones the runs read.
          const committing = performance.now();
          await page.getByRole('button', { name: /^Commit / }).click();
          const said = page.getByText(/ committed in /);
          await said.waitFor({ timeout: 900_000 });
          const commitMs = performance.now() - committing;
          const commitWords = (await said.textContent()) ?? '';
          const read = await within(
            120_000,
            'reading the rows',
            page.evaluate<{ waiting: number; readMs: number; site: AllocationSite & ShiftSite }>(
              siteScript,
            ),
          );
          const events = Number(/in (\d+) events?/.exec(commitWords)?.[1] ?? NaN);
          if (read.waiting !== events)
            throw new Error(`${read.waiting} events are waiting after "${commitWords}"`);
          const rules = activePriority(DEFAULT_FLOOR_SETTINGS);
          const engineMs: number[] = [];
          let counts = '';
          for (let run = 0; run <= RUNS; run++) {
            const started = performance.now();
            const made = previewAllocation(read.site, rules);
            const ms = performance.now() - started;
            if (!made.ok) throw new Error(made.reason);
            if (run > 0) engineMs.push(ms);
            counts = countsOf(made.value);
          }
          const planEngineMs: number[] = [];
          for (let run = 0; run < PLAN_RUNS; run++) {
            const started = performance.now();
            const plan = planShiftFrom(read.site, () => randomUUID());
            planEngineMs.push(performance.now() - started);
            if (!plan.ok) throw new Error(plan.reason);
          }
          // The same input: the screen's counts are the engine's.
          if (sample.counts.some((c) => c !== counts))
            throw new Error(`the screen showed ${sample.counts.join(' / ')}; the engine ${counts}`);
          console.log(
            `allocate.preview: ${read.site.lines.length} live lines; ${counts}; runs ${sample.domMs.map((m) => m.toFixed(0)).join(', ')} ms`,
          );
          return [
            {
              name: 'preview',
              value: median(sample.domMs.slice(1)),
              unit: `ms (median, click to counts in the DOM, ${read.site.lines.length} live lines)`,
              baseline: median(engineMs),
            },
            {
              name: 'preview_waves',
              value: median(planMs),
              unit: `ms (median of ${PLAN_RUNS} page loads, click on Plan waves to ${waves} waves in the DOM)`,
              baseline: median(planEngineMs),
            },
            {
              name: 'preview.read_lines',
              value: read.readMs,
              unit: 'ms (once, the page reading every line from IndexedDB: part of the preview)',
            },
            {
              name: 'commit',
              value: commitMs,
              unit: `ms (click to "${commitWords.replace(/\. .*/, '')}", offline; Playwright's clock)`,
            },
            {
              name: 'preview.frame',
              value: median(sample.frameMs.slice(1)),
              unit: 'ms (median, click to the next frame)',
              baseline: median(engineMs),
            },
          ];
        } finally {
          await chromium.close();
          await server?.stop();
          rmSync(data, { recursive: true, force: true });
        }
      },
    },
  ],
};

export default group;
