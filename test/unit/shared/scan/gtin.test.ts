import { describe, expect, it } from 'vitest';
import { gtinCheckDigit, isGtin, toGtin14, withCheckDigit } from '../../../../shared/scan/gtin';

describe('GTIN check digits', () => {
  it('match published GTINs of every length', () => {
    for (const gtin of ['96385074', '036000291452', '4006381333931', '09501101020917'])
      expect(gtinCheckDigit(gtin.slice(0, -1))).toBe(Number(gtin.at(-1)));
    expect(withCheckDigit('1061414100041')).toBe('10614141000415');
  });

  it('tell a GTIN from a code with a wrong check digit or length', () => {
    expect(isGtin('4006381333931')).toBe(true);
    expect(isGtin('4006381333932')).toBe(false);
    expect(isGtin('106141412345678908')).toBe(false); // an SSCC: right digit, not a GTIN length
    expect(isGtin('40063813339')).toBe(false);
    expect(isGtin('400638133393A')).toBe(false);
  });

  it('pad to 14 digits for comparison', () => {
    expect(toGtin14('96385074')).toBe('00000096385074');
    expect(toGtin14('09501101020917')).toBe('09501101020917');
  });
});
