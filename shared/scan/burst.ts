import type { BurstConfig } from './burst-config';
import { GS } from './gs1';

// A keyboard-wedge scanner types its code as a burst of keys a few ms apart, then Enter or Tab.
// Told apart from a person by timing alone, so scans are caught with no field focused.

// One keydown: KeyboardEvent.key, its timeStamp in ms, and whether Ctrl was held.
export type KeyEvent = { key: string; at: number; ctrlKey?: boolean };

export type BurstOutcome = { kind: 'scan'; text: string } | { kind: 'typing' };

export type BurstState = {
  // The characters since the last pause longer than maxGapMs, and when the last one came.
  chars: string;
  lastAt: number | null;
  // A scanner-speed run ended in a pause without its suffix: what follows is its tail.
  cutOff: boolean;
};

export const EMPTY_BURST: BurstState = { chars: '', lastAt: null, cutOff: false };

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

// The next state, and what the key completed: a scan, typing ended by the suffix, or nothing.
// Feed keydown events only, in order.
export const feedKey = (
  state: BurstState,
  e: KeyEvent,
  config: BurstConfig,
): { state: BurstState; outcome: BurstOutcome | null } => {
  if (MODIFIERS.has(e.key)) return { state, outcome: null };
  const fast = state.lastAt !== null && e.at - state.lastAt <= config.maxGapMs;

  if (e.key === config.suffix) {
    if (state.chars === '') return { state: EMPTY_BURST, outcome: null };
    return { state: EMPTY_BURST, outcome: completed(state, fast, config) };
  }

  const char = asGs(e, config) ? GS : !e.ctrlKey && [...e.key].length === 1 ? e.key : null;
  // Backspace, arrows, shortcuts: a person at the keyboard; nothing before them is a scan.
  if (char === null) return { state: EMPTY_BURST, outcome: null };

  if (fast) return { state: { ...state, chars: state.chars + char, lastAt: e.at }, outcome: null };
  // A pause: start over. A run of scanner-speed keys long enough to be a code, cut off here, taints
  // what follows until the suffix: it would be the tail of a code, not a code.
  const cutOff = state.chars.length >= config.minLength;
  return { state: { chars: char, lastAt: e.at, cutOff }, outcome: null };
};

const completed = (state: BurstState, fast: boolean, config: BurstConfig): BurstOutcome => {
  const prefix = config.prefix ?? '';
  if (!fast || state.cutOff || !state.chars.startsWith(prefix)) return { kind: 'typing' };
  const text = state.chars.slice(prefix.length);
  return text.length >= config.minLength ? { kind: 'scan', text } : { kind: 'typing' };
};

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
