import { useEffect, useLayoutEffect, useRef } from 'react';
import { createBurstDetector } from '../../shared/scan/burst';
import type { BurstConfig } from '../../shared/scan/burst-config';
import { loadScannerConfig } from './scanner-settings';

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

// A keyboard-wedge scanner anywhere on the screen, with no field focused: its fast burst ending
// in Enter (or Tab) becomes one scan. Keys typed into a field are the field's (manual entry).
export const useScanner = (onScan: (text: string) => void, config?: BurstConfig) => {
  const handler = useRef(onScan);
  // Before the browser paints: a scan right after a render must reach that render's handler.
  useLayoutEffect(() => {
    handler.current = onScan;
  });
  useEffect(() => {
    // The device's saved settings, read when the screen opens.
    const detector = createBurstDetector(config ?? loadScannerConfig());
    const onKey = (e: KeyboardEvent) => {
      if (typingInto(e.target)) return;
      const outcome = detector.feed({ key: e.key, at: e.timeStamp, ctrlKey: e.ctrlKey });
      if (outcome?.kind === 'scan') {
        // The suffix key must not also press whatever button has the focus.
        e.preventDefault();
        handler.current(outcome.text);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [config]);
};
