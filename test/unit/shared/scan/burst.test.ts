import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBurstDetector,
  EMPTY_BURST,
  feedKey,
  type BurstOutcome,
  type KeyEvent,
} from '../../../../shared/scan/burst';
import {
  DEFAULT_BURST_CONFIG,
  parseBurstConfig,
  type BurstConfig,
} from '../../../../shared/scan/burst-config';
import { GS } from '../../../../shared/scan/gs1';
import { readScan } from '../../../../shared/scan/read-scan';
import * as timings from './key-timings';

const config = (patch: Partial<BurstConfig> = {}): BurstConfig => {
  const parsed = parseBurstConfig(patch);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
};

// Every outcome the stream produced, in order.
const run = (events: KeyEvent[], c = DEFAULT_BURST_CONFIG): BurstOutcome[] => {
  const detector = createBurstDetector(c);
  return events.flatMap((e) => detector.feed(e) ?? []);
};

describe('scanner bursts', () => {
  it('catches a handheld scanning an EAN-13, on the Enter that ends it', () => {
    const detector = createBurstDetector(DEFAULT_BURST_CONFIG);
    const outcomes = timings.scannerEan13.map((e) => detector.feed(e));
    expect(outcomes.slice(0, -1).every((o) => o === null)).toBe(true);
    expect(outcomes.at(-1)).toEqual({ kind: 'scan', text: '4006381333931' });
  });

  it('does not take a person keying the same number for a scan', () => {
    expect(run(timings.humanEan13)).toEqual([{ kind: 'typing' }]);
  });

  it('does not take a fast typist for a scan', () => {
    expect(run(timings.fastTypistEan13)).toEqual([{ kind: 'typing' }]);
  });

  it('requires and strips a configured prefix', () => {
    expect(run(timings.scannerWithPrefix, config({ prefix: '$' }))).toEqual([
      { kind: 'scan', text: '4006381333931' },
    ]);
    // The same scanner without the prefix set up passes the "$" through.
    expect(run(timings.scannerWithPrefix)).toEqual([{ kind: 'scan', text: '$4006381333931' }]);
    // A station expecting a prefix ignores a burst without one.
    expect(run(timings.scannerEan13, config({ prefix: '$' }))).toEqual([{ kind: 'typing' }]);
  });

  it('refuses a burst broken by a long pause rather than return its tail as a code', () => {
    expect(run(timings.interruptedBurst)).toEqual([{ kind: 'typing' }]);
  });

  it('ends on Tab where configured, and not on Enter then', () => {
    expect(run(timings.scannerTabSuffix, config({ suffix: 'Tab' }))).toEqual([
      { kind: 'scan', text: '96385074' },
    ]);
    expect(run(timings.scannerTabSuffix)).toEqual([]);
    expect(run(timings.scannerEan13, config({ suffix: 'Tab' }))).toEqual([]);
  });

  it('passes Shift through and turns Ctrl+] into the GS1 separator, so GS1 data arrives whole', () => {
    const [outcome] = run(timings.scannerGs1WithShift);
    expect(outcome).toEqual({ kind: 'scan', text: `]d2010950110102091710ABC${GS}217` });
    expect(readScan(outcome?.kind === 'scan' ? outcome.text : '', '2025-06-15')).toMatchObject({
      kind: 'gs1',
      gtin14: '09501101020917',
      lot: 'ABC',
      serial: '7',
    });
  });

  it('maps the other forms of FNC1: the control character, a named key, a configured key', () => {
    const burst = (gs: string, c?: BurstConfig) =>
      run(
        ['1', '0', 'A', gs, '3', '0', '5', 'Enter'].map((key, i) => ({ key, at: 1000 + 8 * i })),
        c,
      );
    const scanned = [{ kind: 'scan', text: `10A${GS}305` }];
    expect(burst(GS)).toEqual(scanned);
    expect(burst('GroupSeparator')).toEqual(scanned);
    expect(burst('F8', config({ gsKey: 'F8' }))).toEqual(scanned);
    // Unconfigured, F8 is a person's key and breaks the burst.
    expect(burst('F8')).toEqual([{ kind: 'typing' }]);
  });

  it('still catches a scan after someone typed a little with nothing focused', () => {
    expect(run(timings.typingThenScan)).toEqual([{ kind: 'scan', text: '4006381333931' }]);
  });

  it('is broken by editing keys such as Backspace', () => {
    expect(run(timings.burstThenBackspace)).toEqual([{ kind: 'typing' }]);
  });

  it('needs minLength characters, and a fast suffix', () => {
    const keys = (gaps: number[], texts: string[]) =>
      texts.map((key, i) => ({ key, at: 500 + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0) }));
    expect(run(keys([0, 8, 8, 8], ['1', '2', '3', 'Enter']))).toEqual([{ kind: 'typing' }]);
    expect(run(keys([0, 8, 8, 8], ['1', '2', '3', 'Enter']), config({ minLength: 3 }))).toEqual([
      { kind: 'scan', text: '123' },
    ]);
    // Scanner-speed digits, then Enter pressed by a person a moment later.
    expect(run(keys([0, 8, 8, 8, 300], ['1', '2', '3', '4', 'Enter']))).toEqual([
      { kind: 'typing' },
    ]);
    expect(run(keys([0, 200], ['Enter', 'Enter']))).toEqual([]);
  });

  it('returns as a scan only keys that came at scanner speed, right up to the suffix', () => {
    // Streams of bursts (near scanner speed, some with a suffix) among stray keys and pauses.
    const char = fc.constantFrom('1', 'a', GS);
    const burst = fc
      .tuple(
        fc.array(fc.tuple(char, fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 15 }),
        fc.option(fc.integer({ min: 0, max: 60 })),
      )
      .map(([keys, end]) => (end === null ? keys : [...keys, ['Enter', end] as const]));
    const stray = fc.array(
      fc.tuple(
        fc.constantFrom('1', 'Enter', 'Tab', 'Shift', 'Backspace'),
        fc.integer({ min: 0, max: 400 }),
      ),
      { maxLength: 3 },
    );
    const rowsArb = fc
      .array(fc.tuple(fc.integer({ min: 36, max: 2000 }), fc.oneof(burst, stray)), {
        maxLength: 8,
      })
      .map((parts) =>
        parts.flatMap(([pause, keys]) =>
          keys.map(([k, g], i) => [k, i === 0 ? pause : g] as const),
        ),
      );
    let scans = 0;
    fc.assert(
      fc.property(rowsArb, (rows) => {
        let at = 0;
        const events = rows.map(([k, g]) => ({ key: k, at: (at += g) }));
        let state = EMPTY_BURST;
        events.forEach((e, i) => {
          const { state: next, outcome } = feedKey(state, e, DEFAULT_BURST_CONFIG);
          state = next;
          if (outcome?.kind !== 'scan') return;
          scans++;
          expect(e.key).toBe('Enter');
          const burst = events
            .slice(0, i + 1)
            .filter((k) => k.key !== 'Shift')
            .slice(-(outcome.text.length + 1));
          expect(
            burst
              .slice(0, -1)
              .map((k) => k.key)
              .join(''),
          ).toBe(outcome.text);
          expect(outcome.text.length).toBeGreaterThanOrEqual(4);
          burst.slice(1).forEach((k, j) => expect(k.at - burst[j]!.at).toBeLessThanOrEqual(35));
        });
      }),
      { numRuns: 1000 },
    );
    expect(scans).toBeGreaterThan(200); // the streams do hold scans to check
  });
});

describe('scanner settings', () => {
  it('default to Enter, 35 ms and 4 characters', () => {
    expect(DEFAULT_BURST_CONFIG).toEqual({ suffix: 'Enter', maxGapMs: 35, minLength: 4 });
  });

  it('say what is wrong with bad settings', () => {
    expect(parseBurstConfig({ suffix: 'Space' })).toEqual({
      ok: false,
      reason: 'scanner settings: suffix: must be "Enter" or "Tab"',
    });
    expect(parseBurstConfig({ maxGapMs: 120 })).toEqual({
      ok: false,
      reason: 'scanner settings: maxGapMs: at most 50 ms: above that typing passes for a scan',
    });
    expect(parseBurstConfig({ prefix: '' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('prefix: must not be empty'),
    });
    expect(parseBurstConfig({ minLength: 1 })).toMatchObject({
      reason: 'scanner settings: minLength: at least 2 characters',
    });
    expect(parseBurstConfig({ sufix: 'Tab' })).toMatchObject({
      reason: expect.stringContaining('Unrecognized key: "sufix"'),
    });
  });
});
