// What a printout holds is decided by @media print, which jsdom does not apply: here Chromium
// lays out the app's own stylesheet and the packing slip's markup for screen and for print.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PackingSlip } from '../../renderer/print/PackingSlip';
import { browserOrSkip, launchChromium, type LaunchedBrowser } from './chromium';

const executable = browserOrSkip();

const slip = renderToStaticMarkup(
  createElement(PackingSlip, {
    warehouse: 'Reno DC',
    station: 'Pack station 2',
    orderNumber: 'SO-1042',
    customer: 'Acme Hardware',
    shipDate: '2026-12-01',
    carrierId: 'ups',
    service: 'Ground',
    trackingNumber: '1Z999AA10123456784',
    parcels: 1,
    weightKg: 3.2,
    packedBy: 'Dana Park',
    lines: Array.from({ length: 60 }, (_, i) => ({
      lineNo: i + 1,
      skuCode: `SKU-${i + 1}`,
      description: `Part ${i + 1}`,
      qtyShipped: 1,
      qtyStillOwed: i % 2,
      qtyCancelled: 0,
    })),
  }),
);

// The app's page as PrintSheet leaves it: the app in #root, the sheet beside it under <body>.
const page = `<!doctype html><html><head><style>${readFileSync(
  path.resolve('renderer/styles.css'),
  'utf8',
)}</style></head><body>
<div id="root"><header class="app-bar"><span class="app-name">Fillwave</span><button>Sign out</button></header>
<main class="content"><h1>Pack</h1><button id="print">Print packing slip</button></main></div>
<div class="print-sheet">${slip}<button id="inside">Close</button></div>
</body></html>`;

describe.skipIf(!executable)('a print sheet in Chromium', () => {
  let chromium: LaunchedBrowser;
  beforeAll(async () => {
    chromium = await launchChromium(executable!);
  });
  afterAll(async () => {
    await chromium?.close();
  });

  it('is hidden on screen, where the app shows', async () => {
    const tab = await chromium.context.newPage();
    await tab.setContent(page);
    await tab.emulateMedia({ media: 'screen' });
    expect(await tab.locator('.print-sheet').isVisible()).toBe(false);
    expect(await tab.locator('#root').isVisible()).toBe(true);
    await tab.close();
  });

  it('prints alone, black on white, without buttons, and over pages with its column heads', async () => {
    const tab = await chromium.context.newPage();
    await tab.setContent(page);
    await tab.emulateMedia({ media: 'print' });
    expect(await tab.locator('#root').isVisible()).toBe(false);
    expect(await tab.locator('.print-sheet').isVisible()).toBe(true);
    expect(await tab.locator('#inside').isVisible()).toBe(false);
    expect(await tab.getByText('1Z999AA10123456784').isVisible()).toBe(true);
    const colours = await tab.evaluate(() => ({
      text: getComputedStyle(document.querySelector('.print-sheet td')!).color,
      page: getComputedStyle(document.body).backgroundColor,
      head: getComputedStyle(document.querySelector('.print-sheet thead')!).display,
    }));
    expect(colours).toEqual({
      text: 'rgb(0, 0, 0)',
      page: 'rgb(255, 255, 255)',
      head: 'table-header-group',
    });
    // 60 lines do not fit one A4 page; the PDF Chromium prints has more than one, and prints.
    const pdf = await tab.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    await tab.close();
  });
});
