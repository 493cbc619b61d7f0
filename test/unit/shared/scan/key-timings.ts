import type { KeyEvent } from '../../../../shared/scan/burst';

// Keydown streams as a page sees them (KeyboardEvent.key and timeStamp, 0.1 ms steps), written
// out by hand in the shape of wedge-scanner and typing captures: scanners at 5 to 15 ms between
// keys, people at 120 to 250 ms, a fast typist at 60 to 90 ms. Each row is [key, ms since the
// previous key]; the first is the ms since the page's clock started.
type Row = readonly [key: string, gapMs: number, ctrlKey?: boolean];

const stream = (rows: readonly Row[]): KeyEvent[] => {
  let at = 0;
  return rows.map(([key, gap, ctrlKey]) => {
    at = Math.round((at + gap) * 10) / 10;
    return ctrlKey === undefined ? { key, at } : { key, at, ctrlKey };
  });
};

// A handheld's trigger on an EAN-13: 13 digits and Enter.
// prettier-ignore
export const scannerEan13 = stream([
  ['4', 18234.6], ['0', 8.1], ['0', 11.9], ['6', 6.4], ['3', 9.0], ['8', 12.6], ['1', 7.3],
  ['3', 10.2], ['3', 14.8], ['3', 6.1], ['9', 9.7], ['3', 8.4], ['1', 11.0], ['Enter', 9.3],
]);

// A person keying the same number from the label, slowly.
// prettier-ignore
export const humanEan13 = stream([
  ['4', 5120.0], ['0', 212.4], ['0', 143.9], ['6', 248.1], ['3', 187.6], ['8', 121.3],
  ['1', 230.7], ['3', 164.2], ['3', 139.8], ['3', 201.5], ['9', 176.0], ['3', 155.4],
  ['1', 244.9], ['Enter', 198.2],
]);

// A fast typist: still four times slower than a scanner.
// prettier-ignore
export const fastTypistEan13 = stream([
  ['4', 7002.3], ['0', 71.4], ['0', 63.0], ['6', 88.6], ['3', 60.2], ['8', 79.9], ['1', 66.7],
  ['3', 84.1], ['3', 61.5], ['3', 73.3], ['9', 89.4], ['3', 68.8], ['1', 77.0], ['Enter', 82.6],
]);

// A scanner set to send "$" before each code.
// prettier-ignore
export const scannerWithPrefix = stream([
  ['$', 30510.2], ['4', 7.7], ['0', 9.4], ['0', 6.2], ['6', 12.5], ['3', 8.8], ['8', 10.1],
  ['1', 6.9], ['3', 13.6], ['3', 7.4], ['3', 9.9], ['9', 8.0], ['3', 11.3], ['1', 6.6],
  ['Enter', 10.4],
]);

// A Bluetooth scanner drops out mid-code: six digits, 420 ms of nothing, then the other seven.
// prettier-ignore
export const interruptedBurst = stream([
  ['4', 41200.7], ['0', 7.9], ['0', 10.6], ['6', 8.3], ['3', 12.0], ['8', 9.1],
  ['1', 420.4], ['3', 8.7], ['3', 6.5], ['3', 11.2], ['9', 9.6], ['3', 7.8], ['1', 10.9],
  ['Enter', 8.2],
]);

// A scanner set to end each code with Tab instead of Enter.
// prettier-ignore
export const scannerTabSuffix = stream([
  ['9', 52013.1], ['6', 9.2], ['3', 7.1], ['8', 12.4], ['5', 8.6], ['0', 10.0], ['7', 6.8],
  ['4', 11.5], ['Tab', 7.9],
]);

// A GS1 DataMatrix through the wedge: symbology identifier, Shift before each capital, and
// FNC1 sent as Ctrl+] after the variable-length lot.
// prettier-ignore
export const scannerGs1WithShift = stream([
  ['Shift', 60100.0], [']', 2.1], ['d', 7.4], ['2', 8.9], ['0', 9.6], ['1', 7.2], ['0', 10.8],
  ['9', 6.5], ['5', 9.3], ['0', 8.1], ['1', 12.2], ['1', 7.0], ['0', 9.9], ['1', 6.3],
  ['0', 11.4], ['2', 8.2], ['0', 7.7], ['9', 10.3], ['1', 6.9], ['7', 9.0], ['1', 8.4],
  ['0', 7.6], ['Shift', 5.2], ['A', 2.3], ['Shift', 6.1], ['B', 2.0], ['Shift', 7.3], ['C', 2.2],
  ['Control', 6.0], [']', 2.4, true], ['2', 8.8], ['1', 7.1], ['7', 9.5], ['Enter', 8.0],
]);

// Someone types "12" slowly with nothing focused, then scans: the scan still counts.
// prettier-ignore
export const typingThenScan = stream([
  ['1', 9000.0], ['2', 180.3], ['4', 2410.6], ['0', 9.8], ['0', 7.2], ['6', 11.1], ['3', 8.5],
  ['8', 6.9], ['1', 10.7], ['3', 12.3], ['3', 7.6], ['3', 9.1], ['9', 8.3], ['3', 6.4],
  ['1', 10.2], ['Enter', 8.9],
]);

// Digits at scanner speed, then Backspace: a person (or an auto-repeat), never a scan.
// prettier-ignore
export const burstThenBackspace = stream([
  ['4', 15000.0], ['0', 9.0], ['0', 8.1], ['6', 10.4], ['3', 7.7], ['Backspace', 9.2],
  ['8', 8.8], ['Enter', 9.9],
]);
