// Issue 14, scan.pack_tote: at the pack station in Chromium, the time from a tote scan's last key
// (its Enter) to that tote's order on screen with all its lines, p95 and median over 200 totes,
// with 100,000 backorder lines on the device. The baseline is the same scan on a device holding
// 1,000 lines, measured in the same run: the ratio is what the bigger device costs the scan. The
// two devices (two servers, two browsers) are scanned in turn, tote by tote, the first of each
// pair alternating, so a busy machine's slow moments fall on both alike.
//
// As scan.bench.ts does: enrol against the demo server, pull, type the packer's badge and PIN,
// stop the server (offline), write a dropped tour straight into IndexedDB as pulled rows
// (pack-page.ts), sign in and open the pack station, then scan the totes with synthetic keydowns
// on window, which reach the same scanner listener a wedge scanner's keys do.
import { rmSync } from 'node:fs';
import { findChromium, launchChromium } from '../browser/chromium';
import { newDataDir } from '../fixtures/data-dir';
import { freePort } from '../fixtures/free-port';
import { spawnUntilListening, type Running } from '../fixtures/spawn-server';
import type { Bench, Figure } from './harness';
import { scanToteScript, writeDroppedScript, type BenchTote } from './pack-page';
import { quantile, within } from './stats';

const WARMUP = 10;
const MEASURED = 200;
const BADGE = 'PA001';
const PIN = '1234';

interface Station {
  totes: BenchTote[];
  scan: (tote: BenchTote) => Promise<{ domMs: number; frameMs: number }>;
  close: () => Promise<void>;
}

// A pack station on a device of `lines` demo lines, offline, its dropped tour written, open.
const openStation = async (executable: string, lines: number): Promise<Station> => {
  const port = await freePort();
  const data = newDataDir('fillwave-bench-');
  let server: Running | undefined = await spawnUntilListening(
    'node',
    ['dist/server/main.mjs', '--port', String(port), '--data', data, '--demo', String(lines)],
    { timeoutMs: 600_000 },
  );
  const chromium = await launchChromium(executable);
  const close = async () => {
    await chromium.close();
    await server?.stop();
    rmSync(data, { recursive: true, force: true });
  };
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
    const written = await within(
      120_000,
      'writing the dropped tour',
      page.evaluate<{ totes: BenchTote[]; lineCount: number; waiting: number }>(
        writeDroppedScript(WARMUP + MEASURED),
      ),
    );
    if (written.lineCount !== lines)
      throw new Error(`the device holds ${written.lineCount} lines, not ${lines}`);
    if (written.waiting !== 0)
      throw new Error(`${written.waiting} events were already waiting before the scans`);

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Backorder fill' }).waitFor();
    await page.evaluate(`location.hash = '#/pack'`);
    await page.getByRole('heading', { name: `Totes to pack (${WARMUP + MEASURED})` }).waitFor();
    return {
      totes: written.totes,
      scan: (tote) =>
        within(30_000, `scanning tote ${tote.toteCode}`, page.evaluate(scanToteScript(tote))),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
};

export const packTote = (name: string, lines: number, baselineLines: number): Bench => ({
  name,
  run: async (): Promise<Figure[]> => {
    const executable = findChromium();
    if (!executable) {
      console.warn(
        `scan.${name} skipped: no Chromium (apt-get install -y chromium, or set CHROME_PATH)`,
      );
      return [];
    }
    const big: Station = await openStation(executable, lines);
    const base: Station = await openStation(executable, baselineLines).catch(
      async (error: unknown) => {
        await big.close();
        throw error;
      },
    );
    const bigS = { domMs: [] as number[], frameMs: [] as number[] };
    const baseSample = { domMs: [] as number[], frameMs: [] as number[] };
    try {
      for (let i = 0; i < WARMUP + MEASURED; i++) {
        const pair = [
          { station: big, into: bigS },
          { station: base, into: baseSample },
        ];
        if (i % 2) pair.reverse();
        for (const { station, into } of pair) {
          const took = await station.scan(station.totes[i]!);
          if (i < WARMUP) continue;
          into.domMs.push(took.domMs);
          into.frameMs.push(took.frameMs);
        }
      }
    } finally {
      await base.close();
      await big.close();
    }
    console.log(
      `scan.${name}: ${lines} lines p95 ${quantile(bigS.domMs, 0.95).toFixed(1)} ms, ` +
        `${baselineLines} lines p95 ${quantile(baseSample.domMs, 0.95).toFixed(1)} ms; ` +
        `max ${Math.max(...bigS.domMs).toFixed(1)} ms`,
    );
    return [
      {
        name,
        value: quantile(bigS.domMs, 0.5),
        unit: `ms (median, DOM; baseline ${baselineLines} lines)`,
        baseline: quantile(baseSample.domMs, 0.5),
      },
      {
        name: `${name}.p95`,
        value: quantile(bigS.domMs, 0.95),
        unit: `ms (p95, DOM; baseline ${baselineLines} lines)`,
        baseline: quantile(baseSample.domMs, 0.95),
      },
      {
        name: `${name}.frame.p95`,
        value: quantile(bigS.frameMs, 0.95),
        unit: `ms (p95, to next frame; baseline ${baselineLines} lines)`,
        baseline: quantile(baseSample.frameMs, 0.95),
      },
    ];
  },
});
