import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createBurstDetector,
  EMPTY_BURST,
  feedKey,
  fieldEntry,
  IDLE_RESET_MS,
  notACodeSentence,
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
    expect(outcomes.at(-1)).toEqual({ kind: 'scan', text: '4006381333931', fast: true });
  });

  it('takes keys slower than the typing threshold, ended by the suffix, as a scan all the same', () => {
    // Dropping them would leave the picker scanning again and again with no word why.
    expect(run(timings.humanEan13)).toEqual([{ kind: 'scan', text: '4006381333931', fast: false }]);
    expect(run(timings.fastTypistEan13)).toEqual([
      { kind: 'scan', text: '4006381333931', fast: false },
    ]);
  });

  it('requires and strips a configured prefix', () => {
    expect(run(timings.scannerWithPrefix, config({ prefix: '$' }))).toEqual([
      { kind: 'scan', text: '4006381333931', fast: true },
    ]);
    // The same scanner without the prefix set up passes the "$" through.
    expect(run(timings.scannerWithPrefix)).toEqual([
      { kind: 'scan', text: '$4006381333931', fast: true },
    ]);
    // A station expecting a prefix says so of a burst without one, rather than drop it.
    expect(run(timings.scannerEan13, config({ prefix: '$' }))).toEqual([
      { kind: 'not-a-code', text: '4006381333931', why: 'no-prefix' },
    ]);
  });

  it('takes a burst broken by a pause whole, never its tail alone', () => {
    expect(run(timings.interruptedBurst)).toEqual([
      { kind: 'scan', text: '4006381333931', fast: false },
    ]);
  });

  it('ends on Tab where configured, and not on Enter then', () => {
    expect(run(timings.scannerTabSuffix, config({ suffix: 'Tab' }))).toEqual([
      { kind: 'scan', text: '96385074', fast: true },
    ]);
    // A scanner ending with the other key is not taken, and says so: never ignored in silence.
    expect(run(timings.scannerTabSuffix)).toEqual([{ kind: 'lost', text: '96385074', key: 'Tab' }]);
    const detector = createBurstDetector(config({ suffix: 'Tab' }));
    expect(timings.scannerEan13.flatMap((e) => detector.feed(e) ?? [])).toEqual([
      { kind: 'lost', text: '4006381333931', key: 'Enter' },
    ]);
  });

  it('passes Shift through and turns Ctrl+] into the GS1 separator, so GS1 data arrives whole', () => {
    const [outcome] = run(timings.scannerGs1WithShift);
    expect(outcome).toEqual({ kind: 'scan', text: `]d2010950110102091710ABC${GS}217`, fast: true });
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
    const scanned = [{ kind: 'scan', text: `10A${GS}305`, fast: true }];
    expect(burst(GS)).toEqual(scanned);
    expect(burst('GroupSeparator')).toEqual(scanned);
    expect(burst('F8', config({ gsKey: 'F8' }))).toEqual(scanned);
    // Unconfigured, F8 is a person's key and breaks the burst: what follows is too short.
    expect(burst('F8')).toEqual([{ kind: 'not-a-code', text: '305', why: 'short' }]);
  });

  it('still catches a scan after someone typed a little with nothing focused', () => {
    expect(run(timings.typingThenScan)).toEqual([
      { kind: 'scan', text: '4006381333931', fast: true },
    ]);
    // Stray keys a moment before a scan (not a pause long enough to start over) are left out too.
    const strayThenScan = timings.typingThenScan.map((e, i) =>
      i >= 2 ? { ...e, at: e.at - 1810 } : e,
    );
    expect(run(strayThenScan)).toEqual([{ kind: 'scan', text: '4006381333931', fast: true }]);
  });

  it('is broken by editing keys such as Backspace, and says what it broke and what is left', () => {
    expect(run(timings.burstThenBackspace)).toEqual([
      { kind: 'lost', text: '40063', key: 'Backspace' },
      { kind: 'not-a-code', text: '8', why: 'short' },
    ]);
    // Fewer keys than a code (a stray key, an arrow) break nothing worth saying.
    expect(
      run([
        { key: 'a', at: 10 },
        { key: 'ArrowDown', at: 300 },
      ]),
    ).toEqual([]);
  });

  it('gives up keys whose suffix never comes, and says so: on a tick, or at the next key', () => {
    const detector = createBurstDetector(DEFAULT_BURST_CONFIG);
    for (const [i, key] of [...'A1-01'].entries()) detector.feed({ key, at: 1000 + 60 * i });
    expect(detector.staleAt()).toBe(1240 + IDLE_RESET_MS + 1);
    expect(detector.tick(1240 + IDLE_RESET_MS)).toBeNull(); // not yet stale
    expect(detector.tick(detector.staleAt()!)).toEqual({ kind: 'lost', text: 'A1-01' });
    expect(detector.staleAt()).toBeNull();
    // With no tick, the next key says it, and starts what comes next afresh.
    const late = createBurstDetector(DEFAULT_BURST_CONFIG);
    const keys = [...'A1-01'].map((key, i) => ({ key, at: 1000 + 60 * i }));
    expect(
      [...keys, ...[...'B2-02', 'Enter'].map((key, i) => ({ key, at: 9000 + 8 * i }))].flatMap(
        (e) => late.feed(e) ?? [],
      ),
    ).toEqual([
      { kind: 'lost', text: 'A1-01' },
      { kind: 'scan', text: 'B2-02', fast: true },
    ]);
  });

  it('says each refusal in words: what came, what went wrong, what to do', () => {
    const c = DEFAULT_BURST_CONFIG;
    expect(notACodeSentence({ kind: 'lost', text: 'A1-01', key: 'Tab' }, c)).toBe(
      '"A1-01" was not taken: Tab came before Enter, which ends a scan. Scan it again, or type it in the field.',
    );
    expect(notACodeSentence({ kind: 'lost', text: 'A1-01' }, c)).toBe(
      '"A1-01" was not taken: Enter, which ends a scan, never came. Scan it again, or type it in the field. If this keeps happening, check the scanner\'s settings.',
    );
    expect(notACodeSentence({ kind: 'lost', text: 'x'.repeat(500) }, c)).toContain(
      `"${'x'.repeat(40)}…"`,
    );
  });

  it('needs minLength characters; a slow suffix still ends a scan', () => {
    const keys = (gaps: number[], texts: string[]) =>
      texts.map((key, i) => ({ key, at: 500 + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0) }));
    expect(run(keys([0, 8, 8, 8], ['1', '2', '3', 'Enter']))).toEqual([
      { kind: 'not-a-code', text: '123', why: 'short' },
    ]);
    expect(run(keys([0, 8, 8, 8], ['1', '2', '3', 'Enter']), config({ minLength: 3 }))).toEqual([
      { kind: 'scan', text: '123', fast: true },
    ]);
    // Scanner-speed digits, then Enter pressed by a person a moment later.
    expect(run(keys([0, 8, 8, 8, 300], ['1', '2', '3', '4', 'Enter']))).toEqual([
      { kind: 'scan', text: '1234', fast: false },
    ]);
    // Enter alone (a focused button) and keys from long ago are nobody's scan.
    expect(run(keys([0, 200], ['Enter', 'Enter']))).toEqual([]);
    expect(run(keys([0, 8, 8, 8, 5000], ['1', '2', '3', '4', 'Enter']))).toEqual([
      { kind: 'lost', text: '1234' },
    ]);
  });

  it("tells a scanner typing into a field from a person, and strips the scanner's prefix", () => {
    const into = (events: KeyEvent[], field: string, c = DEFAULT_BURST_CONFIG) =>
      fieldEntry(run(events, c).at(-1) ?? null, field, c);
    expect(into(timings.scannerEan13, '4006381333931')).toEqual({
      text: '4006381333931',
      entry: 'scan',
    });
    expect(into(timings.humanEan13, '4006381333931')).toEqual({
      text: '4006381333931',
      entry: 'typed',
    });
    expect(into(timings.scannerWithPrefix, '$4006381333931', config({ prefix: '$' }))).toEqual({
      text: '4006381333931',
      entry: 'scan',
    });
    // The field's text is not what the keys said (pasted, or edited with the mouse): typed.
    expect(into(timings.scannerEan13, '4006381333932')).toEqual({
      text: '4006381333932',
      entry: 'typed',
    });
    // The Enter button pressed with the mouse: no suffix key at all.
    expect(fieldEntry(null, ' A1-01 ', DEFAULT_BURST_CONFIG)).toEqual({
      text: 'A1-01',
      entry: 'typed',
    });
  });

  it('answers every suffix that ends characters: a scan of the last of them, never silence', () => {
    // Streams of runs of characters at scanner, typist or person speed, most ended by Enter,
    // among stray editing keys and pauses of up to 4 s.
    const char = fc.constantFrom('1', 'a', GS);
    const gap = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 300 }));
    const runOf = fc
      .tuple(
        fc.array(fc.tuple(char, gap), { minLength: 1, maxLength: 15 }),
        fc.option(gap, { freq: 4 }),
      )
      .map(([keys, end]) => (end === null ? keys : [...keys, ['Enter', end] as const]));
    const stray = fc.array(fc.tuple(fc.constantFrom('Enter', 'Tab', 'Shift', 'Backspace'), gap), {
      maxLength: 3,
    });
    const rowsArb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.oneof(runOf, stray)), { maxLength: 8 })
      .map((parts) =>
        parts.flatMap(([pause, keys]) =>
          keys.map(([k, g], i) => [k, i === 0 ? pause : g] as const),
        ),
      );
    let scans = 0;
    let slow = 0;
    fc.assert(
      fc.property(rowsArb, (rows) => {
        let at = 0;
        const events = rows.map(([k, g]) => ({ key: k, at: (at += g) }));
        let state = EMPTY_BURST;
        // The characters since the last reset (editing key, other suffix, long pause), by hand.
        let since: KeyEvent[] = [];
        for (const e of events) {
          const { state: next, outcome } = feedKey(state, e, DEFAULT_BURST_CONFIG);
          state = next;
          if (e.key === 'Shift') continue;
          const last = since.at(-1);
          // Keys enough for a code, given up unfinished, are said (kind 'lost'), never dropped.
          const lost = (keys: KeyEvent[]) =>
            keys.length >= 4 ? keys.map((k) => k.key).join('') : null;
          let staleText: string | null = null;
          if (last && e.at - last.at > IDLE_RESET_MS) {
            staleText = lost(since);
            since = [];
          }
          if (e.key !== 'Enter') {
            const broken = e.key === 'Tab' || e.key === 'Backspace' ? lost(since) : null;
            if (broken !== null)
              expect(outcome).toEqual({ kind: 'lost', text: broken, key: e.key });
            else if (staleText !== null) expect(outcome).toEqual({ kind: 'lost', text: staleText });
            else expect(outcome).toBeNull();
            since = e.key === 'Tab' || e.key === 'Backspace' ? [] : [...since, e];
            continue;
          }
          const typed = since.map((k) => k.key).join('');
          since = [];
          if (typed === '') {
            expect(outcome).toEqual(staleText === null ? null : { kind: 'lost', text: staleText });
            continue;
          }
          expect(outcome).not.toBeNull();
          if (outcome!.kind !== 'scan') {
            expect(outcome).toMatchObject({ why: 'short' });
            expect(outcome!.text.length).toBeLessThan(4);
            continue;
          }
          scans++;
          if (!outcome!.fast) slow++;
          // The scan is the end of what was typed, all of it but stray keys before a code.
          expect(typed.endsWith(outcome!.text)).toBe(true);
          expect(outcome!.text.length).toBeGreaterThanOrEqual(4);
        }
      }),
      { numRuns: 1000 },
    );
    expect(scans).toBeGreaterThan(200); // the streams do hold scans to check
    expect(slow).toBeGreaterThan(50); // and slow ones among them
  });
});

describe('scanner settings', () => {
  it('default to Enter, 35 ms and 4 characters', () => {
    expect(DEFAULT_BURST_CONFIG).toEqual({ suffix: 'Enter', maxGapMs: 35, minLength: 4 });
  });

  it('say what is wrong with bad settings, in the words of the form', () => {
    expect(parseBurstConfig({ suffix: 'Space' })).toEqual({
      ok: false,
      reason: 'The key after each code must be Enter or Tab.',
    });
    expect(parseBurstConfig({ maxGapMs: 120 })).toEqual({
      ok: false,
      reason:
        "The time between a scan's keys is too long: at most 50 ms, or typing passes for a scan.",
    });
    expect(parseBurstConfig({ prefix: '' })).toEqual({
      ok: false,
      reason: 'The prefix the scanner sends first is empty: leave it out for no prefix.',
    });
    expect(parseBurstConfig({ minLength: 1 })).toMatchObject({
      reason: 'The shortest code is too short: at least 2 characters.',
    });
    expect(parseBurstConfig({ sufix: 'Tab' })).toMatchObject({
      reason: 'This app does not know the field sufix in the scanner settings.',
    });
  });
});
