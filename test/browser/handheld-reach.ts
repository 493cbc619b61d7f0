// What a picker's thumb needs on a 360 x 640 handheld, measured from the boxes Chromium lays out
// with the app's own stylesheet (jsdom lays out nothing): every control on screen without
// scrolling and at least 48 px tall and wide, and the task kept in its place when a message comes.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const HANDHELD = { width: 360, height: 640 };

interface Placed {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
  covered: boolean;
}

// The controls in the page's main area as laid out now: buttons, inputs, selects, and the
// labels of radio choices (the radio itself is inside its 48 px label). Hidden ones are left out.
const controls = (page: Page): Promise<Placed[]> =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll(
        'main button, main a.button, main input:not([type=radio]), main select, main label.choice',
      ),
    ]
      .map((e) => {
        const r = e.getBoundingClientRect();
        const what = (
          e.textContent?.trim() ||
          e.getAttribute('aria-label') ||
          (e as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
          e.tagName
        ).slice(0, 40);
        // What a thumb on the control's middle touches: the control, or something over it
        // (a bar fixed to the screen's foot).
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        const covered = !!hit && hit !== e && !e.contains(hit) && !hit.contains(e);
        return { what, x: r.x, y: r.y, width: r.width, height: r.height, covered };
      })
      .filter((r) => r.width > 0 && r.height > 0),
  );

// Every control inside 0..360 x 0..640, at least 48 px each way and under nothing else, at the
// page's top: nothing a picker needs is below the fold or behind the bar at the screen's foot. `named` must be among them (the screen's main actions).
export const expectInReach = async (page: Page, where: string, named: string[]) => {
  expect(await page.evaluate(() => window.scrollY), `${where}: scrolled`).toBe(0);
  const placed = await controls(page);
  const off = placed
    .filter(
      (r) =>
        r.x < 0 ||
        r.y < 0 ||
        r.x + r.width > HANDHELD.width + 0.5 ||
        r.y + r.height > HANDHELD.height + 0.5 ||
        r.height < 48 ||
        r.width < 48 ||
        r.covered,
    )
    .map(
      (r) =>
        `${r.what}${r.covered ? ' (covered)' : ''} at ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`,
    );
  // REACH_SHOT=/tmp/x.png keeps a screenshot of the screen that failed, to see what pushed it.
  if (off.length && process.env.REACH_SHOT) await page.screenshot({ path: process.env.REACH_SHOT });
  expect(off, `${where}: controls out of reach or too small`).toEqual([]);
  const shown = placed.map((r) => r.what);
  for (const name of named)
    expect(
      shown.some((s) => s.startsWith(name)),
      `${where}: "${name}" on screen (shown: ${shown.join(' | ')})`,
    ).toBe(true);
};

export const boxOf = async (page: Page, selector: string) => {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, `${selector} on screen`).not.toBeNull();
  return box!;
};

// The status above the task is one compact line: at most one 48 px row and its padding.
export const expectCompactStatus = async (page: Page) => {
  const bar = await boxOf(page, 'header.app-bar');
  expect(bar.height, 'the status bar’s height').toBeLessThanOrEqual(60);
};

// The box is inside the screen (a message a picker must read).
export const expectOnScreen = (box: { x: number; y: number; width: number; height: number }) => {
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(HANDHELD.height);
  expect(box.x + box.width).toBeLessThanOrEqual(HANDHELD.width);
};
