import type { Sku } from '../domain/sku';
import { parseGs1 } from '../scan/gs1';
import { gs1DateToIso } from '../scan/gs1-date';
import { gtinCheckDigit } from '../scan/gtin';
import type { ItemRead } from './pick-step';

const GTIN = /^(\d{8}|\d{12}|\d{13}|\d{14})$/;
const SYMBOLOGY = /^\](C1|d2|Q3|e0)/;

// GTIN-8, -12, -13 and -14 are one number padded to 14 digits.
const asGtin14 = (code: string) => (GTIN.test(code) ? code.padStart(14, '0') : null);

const validGtin = (code: string) =>
  GTIN.test(code) && gtinCheckDigit(code.slice(0, -1)) === Number(code.at(-1));

const barcodeFor = (sku: Sku, code: string) => {
  const gtin = asGtin14(code);
  return sku.barcodes.find((b) => b.code === code || (gtin !== null && asGtin14(b.code) === gtin));
};

// The SKU code shown on the screen, typed by a picker whose label will not scan: one each. Any
// case: people type "sku-00031" as often as "SKU-00031".
export const isSkuCode = (sku: Sku, code: string) =>
  code.trim().toUpperCase() === sku.sku.trim().toUpperCase();

// Letters and digits only, upper-cased: "sku 00031" and "SKU00031" as "SKU-00031" reads.
const bare = (code: string) => code.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

// The SKU code typed without its dashes or spaces (a handheld's keyboard hides them): taken as
// the SKU when it is no other product's code, so a refusal never reads "SKU-00031 is not SKU-00031".
const isLooseSkuCode = (sku: Sku, code: string) =>
  bare(code) !== '' && bare(code) === bare(sku.sku);

// The barcode a picker's scanner reads for one unit of the SKU (its each), else its first; shown
// on the task so a damaged label can be typed from the screen.
export const shownBarcode = (sku: Sku): string | null =>
  (sku.barcodes.find((b) => b.units === 1) ?? sku.barcodes[0])?.code ?? null;

export interface ItemReader {
  sku: Sku;
  // YYYY-MM-DD on the device: an item whose label expired before it is refused.
  today: string;
  // Whether a code is some product's (another SKU's barcode or SKU code): a wrong item, not a
  // wrong tote.
  isProductCode?: (code: string) => boolean;
}

// A scan as this SKU: its own barcode (each, inner or case: the units one scan stands for), its
// SKU code (one each), its GTIN, or a GS1-128 / DataMatrix / QR element string with the GTIN in AI 01 or 02, a count in AI
// 30 or 37, and the lot (10), serial (21) and expiry (17) recorded with the pick.
export const readItem = ({ sku, today, isProductCode }: ItemReader, text: string): ItemRead => {
  const code = text.trim();
  const barcode = shownBarcode(sku);
  const wrong = (known: boolean): ItemRead => ({
    ok: false,
    known,
    reason: `Wrong item: ${code} is not ${sku.sku} (${sku.description}). Scan its label${
      barcode ? `, or type ${sku.sku} or its barcode ${barcode}` : `, or type ${sku.sku}`
    }.`,
  });
  const plain = barcodeFor(sku, code);
  if (plain) return { ok: true, units: plain.units };
  if (isSkuCode(sku, code)) return { ok: true, units: 1 };
  if (isLooseSkuCode(sku, code) && !isProductCode?.(code)) return { ok: true, units: 1 };
  const gs1 = SYMBOLOGY.test(code) || code.includes('\u001d') || /^0[12]\d{14}/.test(code);
  if (!gs1) return wrong(validGtin(code) || (isProductCode?.(code) ?? false));
  const parsed = parseGs1(code);
  if (!parsed.ok) return { ok: false, known: true, reason: `Unreadable label: ${parsed.error}` };
  const value = (ai: string) => parsed.elements.find((e) => e.ai === ai)?.value;
  const gtin = value('01') ?? value('02');
  if (!gtin) return { ok: false, known: true, reason: 'This label has no GTIN (AI 01 or 02).' };
  const labelled = barcodeFor(sku, gtin);
  if (!labelled) return wrong(true);
  const expiryRaw = value('17');
  const expiry = expiryRaw ? gs1DateToIso(expiryRaw, Number(today.slice(0, 4))) : undefined;
  if (expiry && expiry < today)
    return { ok: false, known: true, reason: `Expired on ${expiry}: do not pick this item.` };
  const count = value('30') ?? value('37');
  const lot = value('10');
  const serial = value('21');
  return {
    ok: true,
    units: (count ? Number(count) : 1) * labelled.units,
    ...(lot ? { lot } : {}),
    ...(serial ? { serial } : {}),
    ...(expiry ? { expiry } : {}),
  };
};
