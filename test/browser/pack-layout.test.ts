// The pack station's two layouts, as Chromium lays out the app's own stylesheet (jsdom lays out
// nothing): a desktop station shows the totes beside the open order; a handheld of 360 x 640
// shows one column, the order in place of the list, nothing wider than the screen, and every
// control a 48 px target for a gloved thumb.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackOrderPanel } from '../../renderer/screens/pack/PackOrderPanel';
import { PackSettings } from '../../renderer/screens/pack/PackSettings';
import { ToteList } from '../../renderer/screens/pack/ToteList';
import { buildPackOrder } from '../../shared/packing/pack-order';
import type { Tote } from '../../shared/domain/tote';
import { backorderLine } from '../fixtures/backorder-line';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';

const executable = browserOrSkip();

const tote = (code: string, orderId: string): Tote => ({
  id: `T1|${code}`,
  tourId: 'T1',
  toteCode: code,
  slot: 0,
  orderId,
  status: 'dropped',
  packStation: 'PACK-1',
});

const order = buildPackOrder({
  tote: tote('TOTE-A', 'SO-1042'),
  tourName: 'Tour 1 of Wave 1',
  picks: [1, 2].map((n) => ({
    id: `P${n}`,
    pickTaskId: `K${n}`,
    tourId: 'T1',
    backorderLineId: `SO-1042/${n}`,
    locationId: 'L1',
    skuId: `S${n}`,
    toteCode: 'TOTE-A',
    qty: 3,
    lot: null,
    serial: null,
    expiry: null,
    pickedBy: 'op-pia',
    pickedAt: '2026-11-25T07:00:00.000Z',
    undone: false,
  })),
  tasks: [],
  lines: [1, 2].map((n) =>
    backorderLine(`SO-1042/${n}`, {
      skuId: `S${n}`,
      qtyBackordered: 4,
      qtyAllocated: 3,
      qtyPicked: 3,
      status: 'open',
    }),
  ),
  returnInstructions: [],
  skus: new Map(
    [1, 2].map((n) => [
      `S${n}`,
      {
        id: `S${n}`,
        sku: `SKU-0000${n}`,
        description: 'Galvanised hex bolt with a long description, M8 x 60',
        unit: 'each',
        weightKg: 1,
        volumeL: 1,
        barcodes: [],
      },
    ]),
  ),
  locations: new Map(),
});

const station = (open: boolean) =>
  renderToStaticMarkup(
    h(
      'section',
      { className: 'pack' },
      h('h1', null, 'Pack and ship'),
      h(
        'div',
        { className: open ? 'pack-station pack-station-open' : 'pack-station' },
        h(ToteList, {
          totes: ['TOTE-A', 'TOTE-B', 'TOTE-C'].map((code, i) => ({
            tote: tote(code, `SO-104${2 + i}`),
            tourName: 'Tour 1 of Wave 1',
            lines: 2,
            units: 6,
          })),
          station: 'PACK-1',
          openId: open ? 'T1|TOTE-A' : null,
          onOpen: () => {},
        }),
        open &&
          h(PackOrderPanel, {
            order,
            verified: { 'SO-1042/1': 1 },
            byCount: true,
            returnInHand: null,
            shipped: null,
            busy: false,
            onConfirmCount: () => {},
            onRemove: () => {},
            onShip: () => {},
            onPrint: () => {},
            onClose: () => {},
          }),
      ),
      h(PackSettings, { settings: { verify: 'count', station: 'PACK-1' }, onSaved: () => {} }),
    ),
  );

const page = (open: boolean) => `<!doctype html><html><head>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${readFileSync(path.resolve('renderer/styles.css'), 'utf8')}</style></head><body>
<main class="content">${station(open)}</main></body></html>`;

const box = (tab: Page, selector: string) => tab.locator(selector).first().boundingBox();

describe.skipIf(!executable)('the pack station laid out in Chromium', () => {
  let chromium: LaunchedBrowser;
  beforeAll(async () => {
    chromium = await launchChromium(executable!);
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('shows the totes beside the open order on a desktop station', async () => {
    const tab = await chromium.context.newPage();
    await tab.setViewportSize({ width: 1280, height: 800 });
    await tab.setContent(page(true));
    const totes = (await box(tab, '.pack-totes'))!;
    const order = (await box(tab, '.pack-order'))!;
    expect(totes.x + totes.width).toBeLessThanOrEqual(order.x);
    expect(Math.abs(totes.y - order.y)).toBeLessThan(2);
    await tab.close();
  });

  it('shows one column on a 360 x 640 handheld: the list, then the order in its place', async () => {
    const tab = await chromium.context.newPage();
    await tab.setViewportSize({ width: 360, height: 640 });
    await tab.setContent(page(false));
    expect(await tab.locator('.pack-totes').isVisible()).toBe(true);
    await tab.setContent(page(true));
    expect(await tab.locator('.pack-totes').isVisible()).toBe(false);
    expect(await tab.locator('.pack-order').isVisible()).toBe(true);
    expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Every control on screen is a 48 px target (the list's totes in the closed layout too).
    for (const open of [true, false]) {
      await tab.setContent(page(open));
      const small = await tab.evaluate(() =>
        [...document.querySelectorAll('.pack button, .pack input, .pack select, .pack summary')]
          .filter((e) => (e as HTMLElement).offsetParent !== null)
          .map((e) => ({ what: e.outerHTML.slice(0, 60), ...e.getBoundingClientRect().toJSON() }))
          .filter((r: { width: number; height: number }) => r.height < 48 || r.width < 48)
          .map((r: { what: string }) => r.what),
      );
      expect(small).toEqual([]);
    }
    await tab.close();
  });
});
