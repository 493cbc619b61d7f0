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
  | { kind: 'not-a-code'; text: string; why: 'short' | 'no-prefix' }
  // Keys enough for a code that never got the suffix: another key came first (`key`: Backspace,
  // the other of Enter and Tab, an arrow), or nothing more came for IDLE_RESET_MS. Not taken,
  // and said (lostSentence), so a scanner set to the wrong suffix is never silently ignored.
  | { kind: 'lost'; text: string; key?: string };

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
  // What went stale unfinished is said with this key's answer (a tick usually said it first).
  const staleLost = stale ? lostOf(state, config) : null;

  if (e.key === config.suffix)
    return { state: EMPTY_BURST, outcome: completed(before, e.at, config) ?? staleLost };

  const char = asGs(e, config) ? GS : !e.ctrlKey && [...e.key].length === 1 ? e.key : null;
  // Backspace, arrows, shortcuts: a person at the keyboard; nothing before them is a scan. What
  // was long enough for a code is said, in case it was a scanner with another suffix.
  if (char === null)
    return { state: EMPTY_BURST, outcome: lostOf(before, config, e.key) ?? staleLost };
  return {
    state: { chars: before.chars + char, times: [...before.times, e.at], lastAt: e.at },
    outcome: staleLost,
  };
};

// Keys left without a suffix, when there are enough for a code (fewer are a stray key press).
const lostOf = (state: BurstState, config: BurstConfig, key?: string): BurstOutcome | null =>
  [...state.chars.trim()].length >= config.minLength
    ? { kind: 'lost', text: state.chars.trim(), ...(key ? { key } : {}) }
    : null;

// The clock moved on with no key: keys waiting longer than IDLE_RESET_MS for their suffix are
// given up and said. A screen calls this on a timer, so an unfinished burst is said while the
// picker still holds the item, not at their next key press.
export const tick = (
  state: BurstState,
  at: number,
  config: BurstConfig,
): { state: BurstState; outcome: BurstOutcome | null } =>
  state.lastAt !== null && at - state.lastAt > IDLE_RESET_MS
    ? { state: EMPTY_BURST, outcome: lostOf(state, config) }
    : { state, outcome: null };

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

// What a screen shows of a code: enough to recognise it, never a wall of text.
const shown = (text: string) =>
  [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text;

const KEY_WORDS: Record<string, string> = { ' ': 'Space', Escape: 'Esc' };

// What a screen says for keys that ended like a scan but are not a code, or that never ended.
export const notACodeSentence = (
  outcome: Exclude<BurstOutcome, { kind: 'scan' }>,
  config: BurstConfig,
): string =>
  outcome.kind === 'lost'
    ? outcome.key
      ? `"${shown(outcome.text)}" was not taken: ${KEY_WORDS[outcome.key] ?? outcome.key} came before ${config.suffix}, which ends a scan. Scan it again, or type it in the field.`
      : `"${shown(outcome.text)}" was not taken: ${config.suffix}, which ends a scan, never came. Scan it again, or type it in the field. If this keeps happening, check the scanner's settings.`
    : outcome.why === 'short'
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
    tick(at: number): BurstOutcome | null {
      const next = tick(state, at, config);
      state = next.state;
      return next.outcome;
    },
    // When the keys waiting for their suffix go stale (null: none wait).
    staleAt(): number | null {
      return state.lastAt === null ? null : state.lastAt + IDLE_RESET_MS + 1;
    },
  };
};
