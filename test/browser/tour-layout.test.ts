// The tour screen's layout as Chromium lays out the app's own stylesheet, with the real task panel
// and notices in the places TourScreen.tsx gives them: on a 360 x 640 handheld a notice that waits
// for "Got it" lies over the task (which does not move) and can be read and acknowledged; a
// desktop station keeps its layout (messages in the flow, the buttons below the task).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskNotices } from '../../renderer/screens/picker/TaskNotices';
import { TaskPanel } from '../../renderer/screens/picker/TaskPanel';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';
import { boxOf, expectInReach, HANDHELD } from './handheld-reach';

const executable = browserOrSkip();
const noop = () => {};

const panel = h(TaskPanel, {
  task: {
    id: 'K1',
    tourId: 'T1',
    waveId: 'W1',
    backorderLineId: 'SO-000033/1',
    orderId: 'SO-000033',
    locationId: 'L1',
    skuId: 'S1',
    qty: 19,
    sequence: 0,
    toteSlot: 1,
    status: 'open',
    pickedQty: 0,
    shortQty: 0,
  },
  step: { step: 'item', taskId: 'K1' },
  location: {
    id: 'L1',
    code: 'A02-05L-1',
    zone: 'A',
    aisle: 2,
    positionM: 5,
    level: 1,
    side: 'left',
    countRequired: false,
  },
  sku: {
    id: 'S1',
    sku: 'SKU-00020',
    description: 'Galvanised hex bolt with a long description, M8 x 60',
    unit: 'each',
    weightKg: 1,
    volumeL: 1,
    barcodes: [],
  },
  toteCode: 'TOTE-X-1',
  tasksLeft: 5,
  nextAisle: 3,
  onScan: noop,
  onCount: noop,
  onShort: noop,
  onSkip: noop,
});

// As TourScreen.tsx: the title, the message place (the message, then what waits for "Got it"),
// the task, and the bar with Pause and Undo.
const tour = (message: string | null, notice: boolean) =>
  renderToStaticMarkup(
    h(
      'section',
      { className: 'tour' },
      h('h1', null, 'Tour 1 of 1 Dec · 16:00 cut-off · Wave 1'),
      h(
        'div',
        { className: 'tour-messages' },
        message && h('p', { className: 'notice', role: 'status' }, message),
        h(
          'div',
          { className: 'tour-notices' },
          notice &&
            h(TaskNotices, {
              notices: [
                {
                  id: 'K2',
                  text: 'Line 2 of order SO-000022 was cancelled by the customer: its pick at A03-11R-2 is off your tour.',
                },
              ],
              onDismiss: noop,
            }),
        ),
      ),
      panel,
      h(
        'div',
        { className: 'task-actions tour-bar' },
        h('button', { type: 'button', className: 'button-quiet' }, 'Pause tour'),
        h(
          'button',
          { type: 'button', className: 'button-quiet tour-undo' },
          'Undo last pick (19 × SKU-00020)',
        ),
      ),
    ),
  );

const page = (body: string) => `<!doctype html><html><head>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${readFileSync(path.resolve('renderer/styles.css'), 'utf8')}</style></head><body>
<main class="content">${body}</main></body></html>`;

const taskTop = async (tab: Page) => (await boxOf(tab, '[data-testid="task-K1"]')).y;

describe.skipIf(!executable)('the tour screen laid out in Chromium', () => {
  let chromium: LaunchedBrowser;
  beforeAll(async () => {
    chromium = await launchChromium(executable!);
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('lays a notice over the task on a handheld, readable and acknowledged in reach', async () => {
    const tab = await chromium.context.newPage();
    await tab.setViewportSize(HANDHELD);
    await tab.setContent(page(tour(null, false)));
    const top = await taskTop(tab);
    await expectInReach(tab, 'the task', ['Enter', 'Set count', 'Short pick', 'Pause tour']);

    for (const message of [null, 'Picked 19 × SKU-00020 into tote TOTE-X-1.']) {
      await tab.setContent(page(tour(message, true)));
      expect(await taskTop(tab), 'the task moved').toBe(top);
      const notice = await boxOf(tab, '.task-notices .notice');
      expect(notice.y + notice.height).toBeLessThanOrEqual(HANDHELD.height);
      // The notice's whole sentence shows: nothing of it is scrolled away.
      expect(
        await tab.evaluate(() => {
          const e = document.querySelector('.tour-notices')!;
          return e.scrollHeight - e.clientHeight;
        }),
      ).toBeLessThanOrEqual(0);
      const gotIt = tab.getByRole('button', { name: 'Got it' });
      const box = (await gotIt.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(48);
      expect(
        await gotIt.evaluate((e) => {
          const r = e.getBoundingClientRect();
          return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === e;
        }),
        '"Got it" under a thumb',
      ).toBe(true);
      if (message) {
        const said = await boxOf(tab, '.tour-messages > p');
        expect(said.y + said.height, 'the message above the notice').toBeLessThanOrEqual(notice.y);
      }
    }
    await tab.close();
  });

  it('keeps a desktop station’s layout: messages in the flow, Pause and Undo below the task', async () => {
    const tab = await chromium.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.setContent(page(tour('Picked 19 × SKU-00020 into tote TOTE-X-1.', true)));
    const task = await boxOf(tab, '[data-testid="task-K1"]');
    const notice = await boxOf(tab, '.task-notices .notice');
    expect(notice.y + notice.height).toBeLessThanOrEqual(task.y);
    const bar = await boxOf(tab, '.tour-bar');
    expect(bar.y).toBeGreaterThanOrEqual(task.y + task.height);
    expect(await tab.locator('.tour-bar').evaluate((e) => getComputedStyle(e).position)).toBe(
      'static',
    );
    // Undo at the bar's right end, Pause at its left: not side by side.
    const undo = await boxOf(tab, '.tour-undo');
    const pause = await boxOf(tab, '.tour-bar .button-quiet');
    expect(undo.x - (pause.x + pause.width)).toBeGreaterThan(200);
    await tab.close();
  });
});
