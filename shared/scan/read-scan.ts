import { GS, GS1_SYMBOLOGY_IDS, parseGs1, symbologyId, type Gs1Element } from './gs1';
import { gs1DateToIso } from './gs1-date';
import { isGtin, toGtin14 } from './gtin';

// A date field as scanned ("250600") and as a day ("2025-06-30").
export type Gs1Date = { raw: string; iso: string };

// What the picking screen needs from one scan.
export type Scan =
  // A plain GTIN barcode (EAN-8, UPC-A, EAN-13, ITF-14) with a right check digit.
  | { kind: 'gtin'; code: string; gtin14: string }
  // GS1 element strings: the item (01, or 02 for the contents of a case), how many (30 or 37)
  // and its lot, serial and dates; every element is in `elements`.
  | {
      kind: 'gs1';
      elements: Gs1Element[];
      gtin14?: string;
      count?: number;
      lot?: string;
      serial?: string;
      expiry?: Gs1Date;
      bestBefore?: Gs1Date;
    }
  // Anything else: a location label, a tote, an internal code.
  | { kind: 'code'; text: string }
  // Marked as GS1 (a GS1 symbology identifier or a separator) but not valid GS1.
  | { kind: 'invalid'; reason: string };

// Plain barcode or GS1? Scanners set to send symbology identifiers say so (]C1, ]d2, …). The
// rest is decided by content: a valid GTIN is a GTIN, and digits that parse as GS1 starting with
// an SSCC or GTIN (00, 01, 02) are GS1, as from a GS1-128 read without its identifier. Any other
// text stays a plain code, so a location label like "10-04-B" is never taken for a lot.
// `today` (YYYY-MM-DD) places two-digit years in their century.
export const readScan = (text: string, today: string): Scan => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new Error(`readScan: today "${today}" is not YYYY-MM-DD`);
  const aim = symbologyId(text);
  if (aim !== undefined && !GS1_SYMBOLOGY_IDS.includes(aim)) return plain(text.slice(aim.length));

  const parsed = parseGs1(text);
  const currentYear = Number(today.slice(0, 4));
  if (aim !== undefined || text.includes(GS))
    return parsed.ok ? fromElements(parsed.elements, currentYear) : invalid(parsed.error);
  if (isGtin(text)) return plain(text);
  if (parsed.ok && ['00', '01', '02'].includes(parsed.elements[0]!.ai))
    return fromElements(parsed.elements, currentYear);
  return plain(text);
};

const invalid = (reason: string): Scan => ({ kind: 'invalid', reason });

const plain = (text: string): Scan => {
  if (text === '') return invalid('the scan is empty');
  return isGtin(text)
    ? { kind: 'gtin', code: text, gtin14: toGtin14(text) }
    : { kind: 'code', text };
};

const fromElements = (elements: Gs1Element[], currentYear: number): Scan => {
  const value = (...ais: string[]) =>
    ais.map((ai) => elements.find((e) => e.ai === ai)?.value).find((v) => v !== undefined);
  const date = (ai: string): Gs1Date | undefined => {
    const raw = value(ai);
    return raw === undefined ? undefined : { raw, iso: gs1DateToIso(raw, currentYear) };
  };
  const count = value('30', '37');
  return {
    kind: 'gs1',
    elements,
    gtin14: value('01', '02'),
    count: count === undefined ? undefined : Number(count),
    lot: value('10'),
    serial: value('21'),
    expiry: date('17'),
    bestBefore: date('15'),
  };
};
