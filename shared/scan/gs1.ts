import { findAi, type Gs1AiEntry } from './gs1-ai';
import { charsetProblem } from './gs1-charset';
import { LINTERS } from './gs1-linters';

// GS1 element strings as a scanner sends them: AI, data, AI, data, … with FNC1 sent as the
// ASCII group separator after each field that is not of predefined length.

// `ai` as encoded ("3103", the decimal point included), `value` as scanned (dates not read).
export type Gs1Element = { ai: string; value: string };
// This shape, not shared/result.ts: it is the parser's published contract.
export type Gs1Parse = { ok: true; elements: Gs1Element[] } | { ok: false; error: string };

export const GS = '\u001d';

// AIM symbology identifiers of carriers whose data is GS1 element strings: GS1-128, GS1
// DataMatrix, GS1 QR Code, GS1 DataBar. Other identifiers (]C0 plain Code 128, ]E0 EAN-13)
// carry something else.
export const GS1_SYMBOLOGY_IDS: readonly string[] = [']C1', ']d2', ']Q3', ']e0'];
// The AIM identifier (`]` symbology letter, modifier) a scanner may put before the data.
export const symbologyId = (text: string): string | undefined =>
  /^\][A-Za-z][0-9A-Za-z]/.exec(text)?.[0];

export const parseGs1 = (text: string): Gs1Parse => {
  const fail = (error: string): Gs1Parse => ({ ok: false, error });
  if (text === '') return fail('the scan is empty');

  let at = 0;
  const aim = symbologyId(text);
  if (aim !== undefined) {
    if (!GS1_SYMBOLOGY_IDS.includes(aim)) return fail(`symbology ${aim} does not carry GS1 data`);
    at = aim.length;
  }
  // Some scanners send the FNC1 that marks a GS1 symbol's start as a leading separator.
  if (text[at] === GS) at++;
  if (at === text.length) return fail('the scan has no data after its prefix');

  const elements: Gs1Element[] = [];
  while (at < text.length) {
    const found = findAi(text, at);
    if (!found) return fail(`unknown AI at character ${at + 1} ("${preview(text, at)}")`);
    const { ai, entry } = found;
    const start = at + ai.length;
    let value: string;
    if (entry.fixedLength) {
      // Predefined length: the field is exactly that long and the next AI may follow directly.
      const length = entry.components.reduce((sum, c) => sum + c.max, 0);
      value = cut(text.slice(start, start + length));
      at = start + value.length;
    } else {
      // Otherwise the field runs to the next separator, or to the end of the data.
      const end = text.indexOf(GS, start);
      value = text.slice(start, end < 0 ? text.length : end);
      at = start + value.length;
    }
    if (text[at] === GS) at++; // ends a variable field; tolerated after a fixed one
    const problem = fieldProblem(entry, value);
    if (problem) return fail(`AI (${ai}): ${problem}`);
    // The same AI twice is allowed only with the same data; which one would be meant?
    if (elements.some((e) => e.ai === ai && e.value !== value))
      return fail(`AI (${ai}) appears twice with different data`);
    elements.push({ ai, value });
  }
  return { ok: true, elements };
};

const preview = (text: string, at: number) =>
  text.slice(at, at + 4).replaceAll(GS, '<GS>') + (text.length > at + 4 ? '…' : '');

// A separator inside a predefined-length field cuts it short (and the length check says so).
const cut = (s: string) => {
  const gs = s.indexOf(GS);
  return gs < 0 ? s : s.slice(0, gs);
};

// Why `value` does not fit the AI's format, or null: length, then each component's character
// set and content checks, in order.
const fieldProblem = (entry: Gs1AiEntry, value: string): string | null => {
  const min = entry.components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0);
  const max = entry.components.reduce((sum, c) => sum + c.max, 0);
  const unit = /^\d*$/.test(value) ? 'digits' : 'characters';
  if (value === '') return 'no data';
  if (value.length < min || value.length > max) {
    const wanted =
      min === max ? `needs ${max}` : value.length > max ? `at most ${max}` : `at least ${min}`;
    return `${value.length} ${unit}, ${wanted}`;
  }
  let offset = 0;
  for (const c of entry.components) {
    // Optional components at the end may be left out, but not cut short.
    if (c.optional && offset === value.length) break;
    const part = value.slice(offset, offset + c.max);
    if (part.length < c.min) return `${value.length} ${unit} do not fit ${formatOf(entry)}`;
    const problem =
      charsetProblem(c.charset, part, offset) ??
      c.linters.reduce<string | null>((p, name) => p ?? LINTERS[name]?.(part) ?? null, null);
    if (problem) return problem;
    offset += part.length;
  }
  return offset === value.length ? null : `${value.length} ${unit} do not fit ${formatOf(entry)}`;
};

const formatOf = (entry: Gs1AiEntry) =>
  entry.components
    .map((c) => {
      const f = `${c.charset}${c.min === c.max ? c.max : `..${c.max}`}`;
      return c.optional ? `[${f}]` : f;
    })
    .join(' ');
