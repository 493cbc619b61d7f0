// Issue 15, "draw a 60-stop tour on the map": in Chromium, the time from asking React to draw a
// tour's map (renderer/screens/lead/TourMap.tsx) to the page laid out with it, median over 200
// draws of one 60-stop tour on the standard shift's floor. The baseline, in the same page and
// run: the same stops as a plain numbered list, so the ratio is what the drawing costs over the
// least a screen could show. The tour is routed once, before: routing is the planner's figure.
import { build } from 'esbuild';
import { findChromium, launchChromium } from '../browser/chromium';
import type { BenchGroup } from './harness';

const WARMUP = 20;
const DRAWS = 200;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const group: BenchGroup = {
  group: 'tour-map',
  benches: [
    {
      name: 'draw60',
      run: async () => {
        const executable = findChromium();
        if (!executable) {
          console.warn(
            'tour-map.draw60 skipped: no Chromium (apt-get install -y chromium, or set CHROME_PATH)',
          );
          return [];
        }
        const bundled = await build({
          entryPoints: ['test/bench/tour-map-page.tsx'],
          bundle: true,
          write: false,
          format: 'iife',
          jsx: 'automatic',
          minify: true,
          define: { 'process.env.NODE_ENV': '"production"' },
        });
        const chromium = await launchChromium(executable);
        try {
          const page = await chromium.context.newPage();
          await page.setContent('<!doctype html><html><body></body></html>');
          await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
          const stops = await page.evaluate(() => window.benchMap.stops());
          if (stops !== 60) throw new Error(`the map drew ${stops} stops, not 60`);
          const times = await page.evaluate(
            ({ warmup, draws }) => {
              const map: number[] = [];
              const list: number[] = [];
              for (let i = 0; i < warmup; i++) {
                window.benchMap.map();
                window.benchMap.list();
              }
              // Interleaved, so a slow moment of the machine falls on both.
              for (let i = 0; i < draws; i++) {
                map.push(window.benchMap.map());
                list.push(window.benchMap.list());
              }
              return { map, list };
            },
            { warmup: WARMUP, draws: DRAWS },
          );
          return [
            { name: 'draw60', value: median(times.map), unit: 'ms', baseline: median(times.list) },
          ];
        } finally {
          await chromium.close();
        }
      },
    },
  ],
};

export default group;
