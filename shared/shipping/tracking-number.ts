import { fail, ok, type Result } from '../result';
import { GS } from '../scan/gs1';
import { gtinCheckDigit } from '../scan/gtin';
import {
  dhlExpressCheckDigit,
  fedexExpressCheckDigit,
  s10CheckDigit,
  upsCheckDigit,
} from './check-digits';

// Tracking numbers checked by shape and, where the carrier publishes it, by check digit, so a
// mistyped or misread number is refused at the pack station instead of reaching the customer.
// Each rule and its source: docs/shipping.md, "Tracking numbers".

export type Carrier = { id: string; name: string; services: readonly string[] };

// The pack station's carrier and service pickers.
export const CARRIERS: readonly Carrier[] = [
  {
    id: 'ups',
    name: 'UPS',
    services: ['Ground', '3 Day Select', '2nd Day Air', 'Next Day Air', 'Worldwide Express'],
  },
  {
    id: 'usps',
    name: 'USPS',
    services: [
      'Ground Advantage',
      'Priority Mail',
      'Priority Mail Express',
      'Priority Mail International',
    ],
  },
  {
    id: 'fedex',
    name: 'FedEx',
    services: [
      'Ground',
      'Home Delivery',
      'Express Saver',
      '2Day',
      'Standard Overnight',
      'Priority Overnight',
      'International Priority',
    ],
  },
  {
    id: 'dhl-express',
    name: 'DHL Express',
    services: ['Express Worldwide', 'Express 12:00', 'Express 9:00', 'Economy Select'],
  },
  { id: 'pallet', name: 'Pallet (GS1 SSCC)', services: ['LTL freight', 'Full truckload'] },
  { id: 'other', name: 'Other carrier', services: ['Standard'] },
];

export const checkTrackingNumber = (carrierId: string, raw: string): Result<string> => {
  // Spaces and dashes are how labels group the digits; GS (FNC1) is how a GS1-128 scan separates
  // its fields. None is part of the number.
  const text = raw.replace(/[\s-]/g, '').replaceAll(GS, '').toUpperCase();
  if (text === '')
    return fail('Enter the tracking number: scan the barcode on the label or type it.');
  const rule = RULES[carrierId] ?? RULES.other!;
  const number = rule.unwrap ? rule.unwrap(text) : text;
  const odd = /[^A-Z0-9]/.exec(number);
  if (odd)
    return fail(`A tracking number has only letters and digits; this one has "${odd[0]}" in it.`);
  return rule.check(number);
};

type Rule = {
  // Takes off what a scanner delivers around the number (a GS1 Application Identifier).
  unwrap?: (text: string) => string;
  check: (number: string) => Result<string>;
};

const badCheckDigit = (name: string) =>
  fail<string>(
    `The check digit does not match: this is not a valid ${name} number — scan it again or type it carefully.`,
  );

// The number's last character is its check digit, except where `digit` says which one is.
const checked = (name: string, number: string, expected: number, digit = number.at(-1)) =>
  digit === String(expected) ? ok(number) : badCheckDigit(name);

const gs1Checked = (name: string, number: string) =>
  checked(name, number, gtinCheckDigit(number.slice(0, -1)));

const isGs1 = (number: string) => gtinCheckDigit(number.slice(0, -1)) === Number(number.at(-1));

const isDigits = (s: string) => /^\d+$/.test(s);

const digitsOnly = (name: string) =>
  fail<string>(`A ${name} tracking number has digits only; this one has letters.`);

// A GS1-128 scan may carry its symbology identifier (]C1) and, read as text, the AI in brackets.
const withoutSymbology = (text: string) => text.replace(/^\]C1/, '');

// UPS: "1Z", 6 characters of shipper number, 2 of service, 7 of package, 1 check digit.
const ups: Rule = {
  check: (n) => {
    const wrong = [
      ...(n.startsWith('1Z') ? [] : [`starts with ${n.slice(0, 2)}`]),
      ...(n.length === 18 ? [] : [`has ${n.length}`]),
    ];
    if (wrong.length > 0)
      return fail(
        `A UPS tracking number starts with 1Z and has 18 characters; this one ${wrong.join(' and ')}.`,
      );
    if (!/\d$/.test(n))
      return fail(`A UPS tracking number ends in a check digit; this one ends in ${n.at(-1)}.`);
    return checked('UPS', n, upsCheckDigit(n.slice(2, 17)));
  },
};

// USPS: IMpb numbers (22 or 26 digits from a 9, GS1 mod 10), the older 20-digit numbers, and
// international S10 numbers (EA123456785US). The IMpb barcode starts with the routing code:
// "420" and the 5- or 9-digit ZIP code, which is not part of the tracking number.
const IMPB_LENGTHS = [22, 26];
const usps: Rule = {
  unwrap: (text) => withoutSymbology(text).replace(/^\(420\)/, '420'),
  check: (n) => {
    if (/^[A-Z]{2}\d{9}US$/.test(n))
      return checked('USPS', n, s10CheckDigit(n.slice(2, 10)), n[10]);
    if (!isDigits(n))
      return fail(
        'A USPS tracking number has digits only, or is an international one such as EA123456785US; this one has letters.',
      );
    // Some labels print the routing code as a barcode of its own, next to the tracking number's.
    if (/^420(\d{5}|\d{9})$/.test(n))
      return fail(
        `This is the label's ZIP code barcode (420 ${n.slice(3)}), not the tracking number: scan the barcode under "USPS TRACKING #".`,
      );
    if (n.startsWith('420') && n.length > 26) {
      // ZIP+4 first: a 420 with a 9-digit ZIP before a 22-digit number is the usual label.
      const routed = [12, 8]
        .map((zipEnd) => n.slice(zipEnd))
        .filter((rest) => IMPB_LENGTHS.includes(rest.length) && rest.startsWith('9'));
      const good = routed.find(isGs1);
      if (good) return ok(good);
      if (routed.length > 0) return badCheckDigit('USPS');
    }
    if (IMPB_LENGTHS.includes(n.length) && !n.startsWith('9'))
      return fail(
        `A USPS tracking number of ${n.length} digits starts with 9; this one starts with ${n[0]}.`,
      );
    // A 20-digit number is either checked as it is or, as printed without the barcode's channel
    // identifier 91 (certified mail labels), with 91 in front.
    if (n.length === 20) return isGs1(n) || isGs1(`91${n}`) ? ok(n) : badCheckDigit('USPS');
    if (IMPB_LENGTHS.includes(n.length)) return gs1Checked('USPS', n);
    return fail(
      `A USPS tracking number has 20, 22 or 26 digits (after 420 and the ZIP code, when scanned); this one has ${n.length}.`,
    );
  },
};

// FedEx: Express 12 digits (mod 11); Ground 15 digits (GS1 mod 10) and its 22-digit "96" barcode
// (the 15-digit number is its end); SSCC-18 cartons; 22-digit IMpb numbers of Ground Economy,
// which USPS delivers; and the 34-digit barcodes, whose last 14 digits are checked as Express.
const fedex: Rule = {
  unwrap: (text) => withoutSymbology(text).replace(/^\(00\)/, ''),
  check: (n) => {
    if (!isDigits(n)) return digitsOnly('FedEx');
    switch (n.length) {
      case 12:
        return checked('FedEx', n, fedexExpressCheckDigit(n.slice(0, 11)));
      case 15:
      case 18:
        return gs1Checked('FedEx', n);
      case 22:
        // The barcode's "96", service and handling codes are not part of what FedEx tracks.
        if (n.startsWith('96')) return gs1Checked('FedEx', n.slice(7));
        if (n.startsWith('92')) return gs1Checked('FedEx', n);
        return fail(
          `A 22-digit FedEx number starts with 96 (or 92 for Ground Economy); this one starts with ${n.slice(0, 2)}.`,
        );
      case 34:
        return checked('FedEx', n, fedexExpressCheckDigit(n.slice(20, 33)));
      default:
        return fail(
          `A FedEx tracking number has 12, 15, 18, 22 or 34 digits; this one has ${n.length}.`,
        );
    }
  },
};

// DHL Express: the 10-digit waybill number; its last digit is the first nine mod 7.
const dhlExpress: Rule = {
  check: (n) => {
    if (!isDigits(n)) return digitsOnly('DHL Express');
    if (n.length !== 10)
      return fail(`A DHL Express waybill number has 10 digits; this one has ${n.length}.`);
    return checked('DHL Express', n, dhlExpressCheckDigit(n.slice(0, 9)));
  },
};

// A pallet's GS1 SSCC: 18 digits, GS1 mod 10; scanned from a GS1-128 label it comes after AI 00.
const pallet: Rule = {
  unwrap: (text) => {
    const bare = withoutSymbology(text).replace(/^\(00\)/, '');
    return /^00\d{18}$/.test(bare) ? bare.slice(2) : bare;
  },
  check: (n) => {
    if (!isDigits(n)) return fail('An SSCC has digits only; this one has letters.');
    if (n.length !== 18) return fail(`An SSCC has 18 digits; this one has ${n.length}.`);
    return gs1Checked('SSCC', n);
  },
};

// A carrier whose rule we do not know: only what any tracking number looks like.
const other: Rule = {
  check: (n) =>
    n.length >= 4 && n.length <= 40
      ? ok(n)
      : fail(`A tracking number has 4 to 40 letters and digits; this one has ${n.length}.`),
};

const RULES: Record<string, Rule> = {
  ups,
  usps,
  fedex,
  'dhl-express': dhlExpress,
  pallet,
  other,
};
