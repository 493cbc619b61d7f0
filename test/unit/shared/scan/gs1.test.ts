import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gs1AiEntry } from '../../../../shared/scan/gs1-ai';
import { GS, parseGs1, type Gs1Element } from '../../../../shared/scan/gs1';
import { withCheckDigit } from '../../../../shared/scan/gtin';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../fixtures/timeouts';

const ok = (...elements: [string, string][]) => ({
  ok: true,
  elements: elements.map(([ai, value]) => ({ ai, value })),
});
const error = (text: string) => {
  const parsed = parseGs1(text);
  if (parsed.ok) throw new Error(`${JSON.stringify(text)} parsed: ${JSON.stringify(parsed)}`);
  return parsed.error;
};

describe('parseGs1 on the General Specifications examples', () => {
  it('reads GTIN, expiry, lot and serial from a GS1-128 scan with its ]C1 identifier', () => {
    // (01)09501101020917(17)190508(10)ABCD1234(21)10: FNC1 only after the variable-length lot.
    expect(parseGs1(`]C101095011010209171719050810ABCD1234${GS}2110`)).toEqual(
      ok(['01', '09501101020917'], ['17', '190508'], ['10', 'ABCD1234'], ['21', '10']),
    );
  });

  it('reads a GTIN alone', () => {
    expect(parseGs1('0109501101020917')).toEqual(ok(['01', '09501101020917']));
  });

  it('reads a weight after a lot, keeping the AI with its decimal point digit', () => {
    expect(parseGs1(`010950110102091710ABC${GS}3103000189`)).toEqual(
      ok(['01', '09501101020917'], ['10', 'ABC'], ['3103', '000189']),
    );
  });

  it('runs a variable-length field at the end to the end of the data', () => {
    expect(parseGs1('010950110102091721ABC-123/x')).toEqual(
      ok(['01', '09501101020917'], ['21', 'ABC-123/x']),
    );
  });

  it('takes the GS1 DataMatrix, GS1 QR Code and DataBar identifiers', () => {
    for (const id of [']d2', ']Q3', ']e0'])
      expect(parseGs1(`${id}01095011010209171719050810ABCD1234`)).toEqual(
        ok(['01', '09501101020917'], ['17', '190508'], ['10', 'ABCD1234']),
      );
  });

  it('takes a leading separator (the FNC1 that starts the symbol) and one after a fixed field', () => {
    expect(parseGs1(`${GS}0109501101020917${GS}17190508`)).toEqual(
      ok(['01', '09501101020917'], ['17', '190508']),
    );
    expect(parseGs1(`]Q3${GS}0109501101020917`)).toEqual(ok(['01', '09501101020917']));
  });

  it('takes a separator after the last field', () => {
    expect(parseGs1(`10LOT7${GS}`)).toEqual(ok(['10', 'LOT7']));
  });

  it('reads an SSCC, and a case of 20 with its contents GTIN', () => {
    expect(parseGs1('00106141412345678908')).toEqual(ok(['00', '106141412345678908']));
    expect(parseGs1('021061414100041537020')).toEqual(ok(['02', '10614141000415'], ['37', '020']));
  });

  it('reads counts of one to eight digits in AI 30 and 37', () => {
    expect(parseGs1(`301${GS}3712345678`)).toEqual(ok(['30', '1'], ['37', '12345678']));
  });

  it('reads 310n for n from 0 to 5', () => {
    for (const n of [0, 1, 2, 3, 4, 5])
      expect(parseGs1(`310${n}0012503712`)).toEqual(ok([`310${n}`, '001250'], ['37', '12']));
  });

  it('reads the company-internal AIs 90 to 99', () => {
    expect(parseGs1(`90BIN-7${GS}91A${GS}99Z*9%`)).toEqual(
      ok(['90', 'BIN-7'], ['91', 'A'], ['99', 'Z*9%']),
    );
    expect(parseGs1(`92${'x'.repeat(90)}`)).toEqual(ok(['92', 'x'.repeat(90)]));
  });

  it('takes dates with day 00 where the AI allows it, and 29 February in leap years', () => {
    expect(parseGs1('17250600')).toEqual(ok(['17', '250600']));
    expect(parseGs1('15240229')).toEqual(ok(['15', '240229']));
  });
});

describe('parseGs1 refuses', () => {
  it('an empty scan, or an identifier with nothing after it', () => {
    expect(error('')).toBe('the scan is empty');
    expect(error(']C1')).toBe('the scan has no data after its prefix');
  });

  it('a wrong check digit, saying which it should be', () => {
    expect(error('0109501101020913')).toBe('AI (01): check digit 3 should be 7');
    expect(error('00106141412345678901')).toBe('AI (00): check digit 1 should be 8');
    expect(error('0210614141000410')).toBe('AI (02): check digit 0 should be 5');
  });

  it('impossible dates', () => {
    expect(error('0109501101020917172513401')).toBe('AI (17): 251340 is not a date (month 13)');
    expect(error('17250231')).toBe('AI (17): 250231 is not a date (day 31)');
    expect(error('15250229')).toBe('AI (15): 250229 is not a date (day 29)');
    expect(error('11250001')).toBe('AI (11): 250001 is not a date (month 00)');
    // AI 7006 takes no day 00, unlike AI 17.
    expect(error('7006250600')).toBe('AI (7006): 250600 is not a date (day 00)');
  });

  it('wrong lengths', () => {
    expect(error('01095011010209')).toBe('AI (01): 12 digits, needs 14');
    expect(error(`0109501101${GS}020917`)).toBe('AI (01): 8 digits, needs 14');
    expect(error(`10${'A'.repeat(21)}`)).toBe('AI (10): 21 characters, at most 20');
    expect(error('37123456789')).toBe('AI (37): 9 digits, at most 8');
    expect(error(`10${GS}21X`)).toBe('AI (10): no data');
    expect(error('17')).toBe('AI (17): no data');
    // 422 is three digits but not of predefined length: without FNC1 it runs into the next AI.
    expect(error('42227610ABC')).toBe('AI (422): 8 characters, needs 3');
  });

  it('unknown AIs, including 310n with n over 5', () => {
    expect(error('3106000189')).toBe('unknown AI at character 1 ("3106…")');
    expect(error('0109501101020917233')).toBe('unknown AI at character 17 ("233")');
    expect(error(`10A${GS}${GS}21B`)).toBe('unknown AI at character 5 ("<GS>21B")');
  });

  it('characters outside the AI character set', () => {
    expect(error('30 12')).toBe('AI (30): character U+0020 at position 1 is not a digit');
    expect(error('3012a4')).toBe('AI (30): "a" at position 3 is not a digit');
    expect(error('10ABC#1')).toBe('AI (10): "#" at position 4 is not in GS1 character set 82');
    expect(error('21Straße')).toBe('AI (21): "ß" at position 5 is not in GS1 character set 82');
    expect(error('8010AB#c')).toBe('AI (8010): "c" at position 4 is not in GS1 character set 39');
    expect(error('8030ab+c')).toBe(
      'AI (8030): "+" at position 3 is not in GS1 character set 64 (base64url)',
    );
    expect(parseGs1('8030ab_-Z=')).toEqual(ok(['8030', 'ab_-Z=']));
  });

  it('symbologies that do not carry GS1 data', () => {
    expect(error(']C00109501101020917')).toBe('symbology ]C0 does not carry GS1 data');
    expect(error(']E04006381333931')).toBe('symbology ]E0 does not carry GS1 data');
  });

  it('the same AI twice with different data', () => {
    expect(error(`10A${GS}10B`)).toBe('AI (10) appears twice with different data');
    expect(parseGs1(`10A${GS}10A`)).toEqual(ok(['10', 'A'], ['10', 'A']));
  });

  it('optional components cut short, and data past the last component', () => {
    expect(error('8008250101123')).toBe('AI (8008): 9 digits do not fit N6 N2 [N2] [N2]');
    expect(error('800825010125')).toBe('AI (8008): 25 is not an hour');
    expect(parseGs1('80082501011230')).toEqual(ok(['8008', '2501011230']));
  });
});

describe('parseGs1 round trip', { timeout: HEAVY_PROPERTY_TIMEOUT_MS }, () => {
  const cset82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;
  const text = (max: number) =>
    fc.string({ unit: fc.constantFrom(...cset82), minLength: 1, maxLength: max });
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
  const date = fc
    .record({
      yy: fc.integer({ min: 0, max: 99 }),
      mm: fc.integer({ min: 1, max: 12 }),
      dd: fc.integer({ min: 0, max: 28 }),
    })
    .map(({ yy, mm, dd }) => [yy, mm, dd].map((n) => String(n).padStart(2, '0')).join(''));

  const elementOf: Record<string, fc.Arbitrary<string>> = {
    '00': digits(17, 17).map(withCheckDigit),
    '01': digits(13, 13).map(withCheckDigit),
    '10': text(20),
    '11': date,
    '17': date,
    '21': text(20),
    '30': digits(1, 8),
    '3103': digits(6, 6),
    '3922': digits(1, 15),
    '91': text(90),
  };
  const elements = fc
    .uniqueArray(fc.constantFrom(...Object.keys(elementOf)), { minLength: 1, maxLength: 10 })
    .chain((ais) => fc.tuple(...ais.map((ai) => elementOf[ai]!.map((value) => ({ ai, value })))));

  // As a printer encodes them: FNC1 after each field not of predefined length, except the last.
  const encode = (els: Gs1Element[]) =>
    els
      .map(({ ai, value }, i) => {
        const last = i === els.length - 1;
        return ai + value + (last || gs1AiEntry(ai)!.fixedLength ? '' : GS);
      })
      .join('');

  it('gives back the elements that were encoded, behind any GS1 identifier', () => {
    fc.assert(
      fc.property(elements, fc.constantFrom('', ']C1', ']d2', ']Q3', GS), (els, prefix) => {
        expect(parseGs1(prefix + encode(els))).toEqual({ ok: true, elements: els });
      }),
      { numRuns: 2000 },
    );
  });

  it('answers any text with elements or a reason, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...`0123456789${GS}]C1dA`) }), (s) => {
        const parsed = parseGs1(s);
        expect(parsed.ok ? parsed.elements.length > 0 : parsed.error.length > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
