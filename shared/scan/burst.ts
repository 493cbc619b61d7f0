import type { BurstConfig } from './burst-config';
import { GS } from './gs1';

// A keyboard-wedge scanner types its code as a burst of keys a few ms apart, then its suffix
// (Enter or Tab). Keys that reach the page with no field focused are the scanner's: whatever
// ends with the suffix is a scan, at any speed (a Bluetooth scanner lags, a dropout pauses it),
// never dropped in silence. Timing only says whether it came at scanner speed (`fast`): a field
// uses that to tell a scan into it from a person typing (entryOf).

// One keydown: KeyboardEvent.key, its timeStamp in ms, and whether Ctrl was held.
export type KeyEvent = { key: string; at: number; ctrlKey?: boolean };

export type BurstOutcome =
  // `fast`: every key, up to the suffix, came within maxGapMs of the one before.
  | { kind: 'scan'; text: string; fast: boolean }
  // Ended by the suffix but not a code: shorter than minLength, or without the set prefix.
  | { kind: 'not-a-code'; text: string; why: 'short' | 'no-prefix' };

export type BurstState = {
  // The characters since the last reset, when each came, and when the last key came.
  chars: string;
  times: number[];
  lastAt: number | null;
};

export const EMPTY_BURST: BurstState = { chars: '', times: [], lastAt: null };

// Keys further apart than this are not one input: a key pressed a while ago is not the start of
// the next scan. People keying a code from a label press a key every 120 to 250 ms.
export const IDLE_RESET_MS = 3000;

// Scanners press Shift for capitals; the key event after it already carries the capital.
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock', 'NumLock']);

// FNC1 reaches the page as the GS control character where the wedge can send it, as a key
// named for it, as Ctrl+] (GS is ASCII 29, Ctrl plus the key of 93), or as a key the scanner
// is programmed to send (gsKey).
const asGs = (e: KeyEvent, config: BurstConfig): boolean =>
  e.key === GS ||
  e.key === 'GroupSeparator' ||
  (e.ctrlKey === true && e.key === ']') ||
  (config.gsKey !== undefined && e.key === config.gsKey);

// The next state, and what the key completed (null: nothing yet). Feed keydown events only, in
// order.
export const feedKey = (
  state: BurstState,
  e: KeyEvent,
  config: BurstConfig,
): { state: BurstState; outcome: BurstOutcome | null } => {
  if (MODIFIERS.has(e.key)) return { state, outcome: null };
  const stale = state.lastAt !== null && e.at - state.lastAt > IDLE_RESET_MS;
  const before = stale ? EMPTY_BURST : state;

  if (e.key === config.suffix)
    return { state: EMPTY_BURST, outcome: completed(before, e.at, config) };

  const char = asGs(e, config) ? GS : !e.ctrlKey && [...e.key].length === 1 ? e.key : null;
  // Backspace, arrows, shortcuts: a person at the keyboard; nothing before them is a scan.
  if (char === null) return { state: EMPTY_BURST, outcome: null };
  return {
    state: { chars: before.chars + char, times: [...before.times, e.at], lastAt: e.at },
    outcome: null,
  };
};

// Where the code starts: stray keys a person pressed shortly before a scan (runs shorter than
// minLength, each ended by a pause) are not part of it; a code cut by a dropout (a long run, a
// pause, the rest) is taken whole.
const startOf = (state: BurstState, config: BurstConfig): number => {
  let runStart = 0;
  for (let i = 1; i <= state.times.length; i++) {
    const paused =
      i === state.times.length || state.times[i]! - state.times[i - 1]! > config.maxGapMs;
    if (!paused) continue;
    if (i - runStart >= config.minLength) return runStart;
    runStart = i;
  }
  return 0;
};

const completed = (
  state: BurstState,
  suffixAt: number,
  config: BurstConfig,
): BurstOutcome | null => {
  // A suffix with nothing before it (or only spaces, as a button pressed with Space) is the
  // suffix key's own: Enter on a focused button, Tab between fields.
  if (state.chars.trim() === '') return null;
  // Characters are single UTF-16 units or surrogate pairs; times are per key, so work on keys.
  const keys = [...state.chars];
  const from = startOf(state, config);
  const raw = keys.slice(from).join('');
  const times = [...state.times.slice(from), suffixAt];
  const fast = times.every((t, i) => i === 0 || t - times[i - 1]! <= config.maxGapMs);
  const prefix = config.prefix ?? '';
  if (!raw.startsWith(prefix)) return { kind: 'not-a-code', text: raw, why: 'no-prefix' };
  const text = raw.slice(prefix.length);
  if ([...text].length < config.minLength) return { kind: 'not-a-code', text, why: 'short' };
  return { kind: 'scan', text, fast };
};

// What a screen says for keys that ended like a scan but are not a code.
export const notACodeSentence = (
  outcome: Extract<BurstOutcome, { kind: 'not-a-code' }>,
  config: BurstConfig,
): string =>
  outcome.why === 'short'
    ? `"${outcome.text}" is too short for a code (at least ${config.minLength} characters). Scan it again, or type it in the field.`
    : `"${outcome.text}" did not come from the scanner: its codes start with "${config.prefix}". Scan it again, or type it in the field.`;

// What a field's entry was: at scanner speed right up to its suffix (a scanner with the field
// focused: its prefix, if set, is stripped), or typed by a person, as it stands in the field.
export const fieldEntry = (
  outcome: BurstOutcome | null,
  fieldText: string,
  config: BurstConfig,
): { text: string; entry: 'scan' | 'typed' } =>
  outcome?.kind === 'scan' &&
  outcome.fast &&
  (config.prefix ?? '') + outcome.text === fieldText.trim()
    ? { text: outcome.text, entry: 'scan' }
    : { text: fieldText.trim(), entry: 'typed' };

// The same, holding its state, for a keydown listener.
export const createBurstDetector = (config: BurstConfig) => {
  let state = EMPTY_BURST;
  return {
    feed(e: KeyEvent): BurstOutcome | null {
      const next = feedKey(state, e, config);
      state = next.state;
      return next.outcome;
    },
  };
};
