import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  createBurstDetector,
  fieldEntry,
  IDLE_RESET_MS,
  notACodeSentence,
  type BurstOutcome,
} from '../../shared/scan/burst';
import type { BurstConfig } from '../../shared/scan/burst-config';
import type { EntryKind } from '../../shared/sync-api/events/picker';
import { loadScannerConfig } from '../picking/scanner-settings';

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export interface ScannerHandlers {
  // A code, and how it came: the scanner, or typed into a field.
  onScan: (text: string, entry: EntryKind) => void;
  // Keys that ended like a scan but are no code, in a sentence with what to do.
  onRefusal: (sentence: string) => void;
}

// The scanner for a screen that scans: a keyboard-wedge scanner anywhere on the screen, with no
// field focused. Whatever ends with its suffix is a scan, at any speed; what is not a code (too
// short, no prefix), or never ended (another key first, or no suffix at all), is said, never
// dropped in silence. Keys typed into a field are the field's
// (useEntryField).
export const useScanner = (handlers: ScannerHandlers, config?: BurstConfig) => {
  const current = useRef(handlers);
  // Before the browser paints: a scan right after a render must reach that render's handler.
  useLayoutEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    // The device's saved settings, read when the screen opens.
    const settings = config ?? loadScannerConfig();
    const detector = createBurstDetector(settings);
    // Keys waiting for their suffix are given up when no key comes for IDLE_RESET_MS, and said
    // then, while the picker still holds the item. The timer runs only while keys wait, and
    // fires only if no key came since: the detector is told the time it went stale.
    let stale: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (typingInto(e.target)) return;
      clearTimeout(stale);
      const outcome = detector.feed({ key: e.key, at: e.timeStamp, ctrlKey: e.ctrlKey });
      if (outcome?.kind === 'scan') {
        // The suffix key must not also press whatever button has the focus.
        e.preventDefault();
        current.current.onScan(outcome.text, 'scan');
      } else if (outcome) current.current.onRefusal(notACodeSentence(outcome, settings));
      const staleAt = detector.staleAt();
      if (staleAt !== null)
        stale = setTimeout(() => {
          const lost = detector.tick(staleAt);
          if (lost && lost.kind !== 'scan')
            current.current.onRefusal(notACodeSentence(lost, settings));
        }, IDLE_RESET_MS + 1);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(stale);
      window.removeEventListener('keydown', onKey);
    };
  }, [config]);
};

// A field to type a code into (a damaged label). A scanner firing into it while it has the focus
// is still a scan: its keys' timing says which, so a typed entry is recorded as typed and a scan
// as a scan. Tab as the scanner's suffix enters the field's code too, rather than move on.
export const useEntryField = (onEnter: (text: string, entry: EntryKind) => void) => {
  const [settings] = useState(loadScannerConfig);
  const [detector] = useState(() => createBurstDetector(settings));
  const last = useRef<BurstOutcome | null>(null);
  const [text, setText] = useState('');
  const enter = () => {
    const entered = fieldEntry(last.current, text, settings);
    last.current = null;
    setText('');
    if (entered.text) onEnter(entered.text, entered.entry);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const outcome = detector.feed({ key: e.key, at: e.timeStamp, ctrlKey: e.ctrlKey });
    if (e.key === settings.suffix) last.current = outcome;
    if (e.key === 'Tab' && settings.suffix === 'Tab' && text.trim()) {
      e.preventDefault();
      enter();
    }
  };
  return { text, setText, onKeyDown, enter };
};
