import { describe, expect, it } from 'vitest';
import { CARRIERS, checkTrackingNumber } from '../../../../shared/shipping/tracking-number';

// Published example numbers, each with where it was published (docs/shipping.md lists the rules):
// - TND: jkeen/tracking_number_data (MIT), couriers/<carrier>.json "test_numbers", commit
//   b79ce4bfc04519ef4bc85bf7c6f321795aadf3d3, https://github.com/jkeen/tracking_number_data
// - UPS sample 1Z999AA10123456784: UPS's developer documentation's sample tracking number, quoted
//   with the check-digit method in http://answers.google.com/answers/threadview/id/207899.html
// - FedEx Express 012345678983: FedEx's worked example of the mod-11 check, same thread.
// - SSCC 106141412345678908: GS1 EPC Tag Data Standard, urn:epc:id:sscc:0614141.1234567890 =
//   (00)106141412345678908, https://ref.gs1.org/standards/tds/
// - S10 RB123456785US: TND couriers/s10.json (UPU S10 numbering, weights 8,6,4,2,3,5,9,7).

// `from`: the first character the check digit covers (what comes before it is a prefix the
// carrier does not check, such as a barcode's routing or service codes). `mod11`: a rule whose
// mod 11 gives two remainders one check digit, so a few one-digit changes pass (see below).
type Example = { carrier: string; number: string; value?: string; from?: number; mod11?: true };

const EXAMPLES: Example[] = [
  { carrier: 'ups', number: '1Z999AA10123456784' }, // UPS sample
  { carrier: 'ups', number: '1Z5R89390357567127' }, // TND ups.json
  { carrier: 'ups', number: '1Z879E930346834440' }, // TND ups.json
  { carrier: 'ups', number: '1Z410E7W0392751591' }, // TND ups.json
  { carrier: 'ups', number: '1ZXX3150YW44070023' }, // TND ups.json (SurePost)
  { carrier: 'usps', number: '9400111206206406260787' }, // TND usps.json IMpb
  { carrier: 'usps', number: '9405803699300124287899' }, // TND usps.json IMpb
  { carrier: 'usps', number: '9261292700768711948021' }, // TND usps.json IMpb
  { carrier: 'usps', number: '92748931507708513018050063' }, // TND usps.json IMpb, 26 digits
  { carrier: 'usps', number: '03071790000523483741' }, // TND usps.json, 20 digits
  { carrier: 'usps', number: '71969010756003077385' }, // TND usps.json legacy (91 not printed)
  { carrier: 'usps', number: 'RB123456785US', from: 2, mod11: true }, // TND s10.json
  { carrier: 'fedex', number: '012345678983', mod11: true }, // FedEx Express worked example
  { carrier: 'fedex', number: '986578788855', mod11: true }, // TND fedex.json Express
  { carrier: 'fedex', number: '477179081230', mod11: true }, // TND fedex.json Express
  { carrier: 'fedex', number: '041441760228964' }, // TND fedex.json Ground
  { carrier: 'fedex', number: '568283610012734' }, // TND fedex.json Ground
  { carrier: 'fedex', number: '000123450000000027' }, // TND fedex.json Ground SSCC-18
  // TND fedex.json Ground "96": the 15-digit tracking number is the barcode's end.
  { carrier: 'fedex', number: '9611020987654312345672', value: '987654312345672', from: 7 },
  { carrier: 'fedex', number: '1001921334250001000300779017972697', from: 20, mod11: true }, // TND fedex.json 34
  { carrier: 'fedex', number: '9622001900000000000000776632517510', from: 20, mod11: true }, // TND fedex.json 34
  { carrier: 'dhl-express', number: '3318810025' }, // TND dhl.json
  { carrier: 'dhl-express', number: '8487135506' }, // TND dhl.json
  { carrier: 'dhl-express', number: '1099255990' }, // TND dhl.json
  { carrier: 'pallet', number: '106141412345678908' }, // GS1 TDS SSCC example
  { carrier: 'pallet', number: '000123450000000027' }, // TND fedex.json SSCC-18
];

const NAMES: Record<string, string> = {
  ups: 'UPS',
  usps: 'USPS',
  fedex: 'FedEx',
  'dhl-express': 'DHL Express',
  pallet: 'SSCC',
};

const badCheckDigit = (carrier: string) =>
  `The check digit does not match: this is not a valid ${NAMES[carrier]} number — scan it again or type it carefully.`;

// The number with the digit at `i` one higher (9 becomes 0).
const bump = (number: string, i: number) =>
  number.slice(0, i) + String((Number(number[i]) + 1) % 10) + number.slice(i + 1);

const refused = (carrier: string, raw: string) => {
  const result = checkTrackingNumber(carrier, raw);
  if (result.ok) throw new Error(`${carrier} ${raw} was accepted as ${result.value}`);
  return result.reason;
};

describe('published example numbers', () => {
  it.each(EXAMPLES)('accept $carrier $number', ({ carrier, number, value }) => {
    expect(checkTrackingNumber(carrier, number)).toEqual({ ok: true, value: value ?? number });
  });

  it.each(EXAMPLES)(
    'refuse $carrier $number with its check digit changed',
    ({ carrier, number }) => {
      const checkAt = /\d$/.test(number) ? number.length - 1 : 10; // S10: the digit before "US"
      expect(refused(carrier, bump(number, checkAt))).toBe(badCheckDigit(carrier));
    },
  );

  // A digit off by one is the commonest misread and mistype. GS1 mod 10, UPS's and DHL's rules catch
  // it in any position they check (mod 7 misses a change of 7 and UPS's doubling one of 5, so +1
  // is the fair test). The mod-11 rules cannot promise it: the next test.
  it.each(EXAMPLES.filter((e) => !e.mod11))(
    'refuse $carrier $number with any one digit changed',
    ({ carrier, number, from }) => {
      const accepted: string[] = [];
      for (let i = from ?? 0; i < number.length; i++) {
        if (!/\d/.test(number[i]!)) continue;
        const changed = bump(number, i);
        if (checkTrackingNumber(carrier, changed).ok) accepted.push(changed);
      }
      expect(accepted).toEqual([]);
    },
  );
});

describe('the mod-11 rules, as the carriers publish them', () => {
  // FedEx Express takes the sum mod 11, then mod 10: remainders 10 and 0 both give check digit 0.
  // S10 gives 5 for remainders 0 and 6. A one-digit change between those remainders passes; no
  // carrier-independent check can refuse a number the carrier itself issues with that digit.
  it('let a one-digit change through where two remainders share a check digit', () => {
    expect(checkTrackingNumber('fedex', '9622001900000000000000786632517510').ok).toBe(true);
    expect(checkTrackingNumber('usps', 'RB123457785US').ok).toBe(true);
  });
});

describe('numbers as scanners and labels deliver them', () => {
  it('takes out spaces and dashes and reads lower case as upper', () => {
    expect(checkTrackingNumber('ups', ' 1z 999 aa1 01 2345 6784 ')).toEqual({
      ok: true,
      value: '1Z999AA10123456784',
    });
    expect(checkTrackingNumber('fedex', '0414-4176-0228-964')).toEqual({
      ok: true,
      value: '041441760228964',
    });
  });

  it('takes the SSCC out of a GS1-128 pallet label scan: (00), AI 00 and ]C1', () => {
    for (const scan of [
      '(00)106141412345678908',
      '(00) 1 0614141 234567890 8', // as printed under the barcode
      '00106141412345678908',
      ']C100106141412345678908',
    ])
      expect(checkTrackingNumber('pallet', scan)).toEqual({
        ok: true,
        value: '106141412345678908',
      });
  });

  it('takes the routing code (420 and the ZIP code) off a USPS IMpb barcode', () => {
    // TND usps.json: 420 + ZIP 78745 + 22 digits; 420 + ZIP+4 10023-3424 + 22 digits.
    expect(checkTrackingNumber('usps', '420787459400111206206406260787')).toEqual({
      ok: true,
      value: '9400111206206406260787',
    });
    expect(checkTrackingNumber('usps', '4201002334249200190132607600833457')).toEqual({
      ok: true,
      value: '9200190132607600833457',
    });
    // With the FNC1 (GS) a scanner sends between the routing code and the tracking number.
    expect(checkTrackingNumber('usps', '42078745\u001d9400111206206406260787')).toEqual({
      ok: true,
      value: '9400111206206406260787',
    });
    expect(refused('usps', '420787459400111206206406260788')).toBe(badCheckDigit('usps'));
  });
});

describe('a number of the wrong shape is refused with what is wrong', () => {
  it.each([
    ['ups', '', 'Enter the tracking number: scan the barcode on the label or type it.'],
    [
      'ups',
      '1Z999AA101234567',
      'A UPS tracking number starts with 1Z and has 18 characters; this one has 16.',
    ],
    [
      'ups',
      '2Z999AA10123456784',
      'A UPS tracking number starts with 1Z and has 18 characters; this one starts with 2Z.',
    ],
    [
      'ups',
      '9400111206206406260787',
      'A UPS tracking number starts with 1Z and has 18 characters; this one starts with 94 and has 22.',
    ],
    [
      'ups',
      '1Z999AA1012345678X',
      'A UPS tracking number ends in a check digit; this one ends in X.',
    ],
    [
      'ups',
      '1Z999AA1/123456784',
      'A tracking number has only letters and digits; this one has "/" in it.',
    ],
    [
      'usps',
      '940011120620640626078',
      'A USPS tracking number has 20, 22 or 26 digits (after 420 and the ZIP code, when scanned); this one has 21.',
    ],
    [
      'usps',
      '1400111206206406260787',
      'A USPS tracking number of 22 digits starts with 9; this one starts with 1.',
    ],
    [
      'usps',
      '1Z999AA10123456784',
      'A USPS tracking number has digits only, or is an international one such as EA123456785US; this one has letters.',
    ],
    [
      'usps',
      '42078745',
      'This is the label\'s ZIP code barcode (420 78745), not the tracking number: scan the barcode under "USPS TRACKING #".',
    ],
    [
      'fedex',
      '1234567890',
      'A FedEx tracking number has 12, 15, 18, 22 or 34 digits; this one has 10.',
    ],
    [
      'fedex',
      '1Z999AA10123456784',
      'A FedEx tracking number has digits only; this one has letters.',
    ],
    [
      'fedex',
      '1234567890123456789012',
      'A 22-digit FedEx number starts with 96 (or 92 for Ground Economy); this one starts with 12.',
    ],
    ['dhl-express', '331881002', 'A DHL Express waybill number has 10 digits; this one has 9.'],
    [
      'dhl-express',
      'JJD0099999999',
      'A DHL Express tracking number has digits only; this one has letters.',
    ],
    ['pallet', '10614141234567890', 'An SSCC has 18 digits; this one has 17.'],
    ['pallet', '(00)1061414123456789O8', 'An SSCC has digits only; this one has letters.'],
    ['other', 'A12', 'A tracking number has 4 to 40 letters and digits; this one has 3.'],
    ['other', 'A'.repeat(41), 'A tracking number has 4 to 40 letters and digits; this one has 41.'],
  ])('%s %j', (carrier, raw, reason) => {
    expect(refused(carrier, raw)).toBe(reason);
  });
});

describe('a carrier without a public rule', () => {
  it('takes 4 to 40 letters and digits, normalized, for "other" and for a carrier it does not know', () => {
    expect(checkTrackingNumber('other', 'pro-123 456')).toEqual({ ok: true, value: 'PRO123456' });
    expect(checkTrackingNumber('old-dominion', '0700 1234 56')).toEqual({
      ok: true,
      value: '0700123456',
    });
  });
});

describe('CARRIERS', () => {
  it('offers the pickers every carrier with a rule, each with its services, and "other"', () => {
    expect(CARRIERS.map((c) => c.id)).toEqual([
      'ups',
      'usps',
      'fedex',
      'dhl-express',
      'pallet',
      'other',
    ]);
    for (const carrier of CARRIERS) expect(carrier.services.length).toBeGreaterThan(0);
  });
});
