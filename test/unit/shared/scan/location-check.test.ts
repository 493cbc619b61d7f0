import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locationCheckDigits, locationEntry } from '../../../../shared/scan/location-check';

describe('location check digits', () => {
  it('are two digits, the same for a code in any case and with spaces around', () => {
    // Worked by hand: A=65, 1=49, -=45, 0=48, 1=49: 65 + 98 + 135 + 192 + 245 = 735; 735 mod 97 = 56.
    expect(locationCheckDigits('A1-01')).toBe('56');
    expect(locationCheckDigits(' a1-01 ')).toBe('56');
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 50 }), (code) => {
        expect(locationCheckDigits(code)).toMatch(/^\d\d$/);
        expect(locationCheckDigits(code)).toBe(locationCheckDigits(code));
      }),
    );
  });

  it('change with any one wrong character, and with two neighbours swapped', () => {
    const printable = fc.string({
      unit: fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c)),
      minLength: 2,
      maxLength: 50,
    });
    fc.assert(
      fc.property(printable, fc.nat(), fc.integer({ min: 33, max: 126 }), (code, at, to) => {
        const i = at % code.length;
        const up = code.toUpperCase();
        const other = String.fromCharCode(to).toUpperCase();
        if (other !== up[i]) {
          const changed = up.slice(0, i) + other + up.slice(i + 1);
          expect(locationCheckDigits(changed)).not.toBe(locationCheckDigits(up));
        }
        const j = Math.min(i, up.length - 2);
        if (up[j] !== up[j + 1]) {
          const swapped = up.slice(0, j) + up[j + 1] + up[j] + up.slice(j + 2);
          expect(locationCheckDigits(swapped)).not.toBe(locationCheckDigits(up));
        }
      }),
    );
  });

  it('tell a location typed with its digits, with a space or without, from the code alone', () => {
    expect(locationEntry('A1-01 56', 'A1-01')).toBe('with-check');
    expect(locationEntry('a1-0156', 'A1-01')).toBe('with-check');
    expect(locationEntry(' A1-01   56 ', 'A1-01')).toBe('with-check');
    expect(locationEntry('a1-01', 'A1-01')).toBe('code-only');
    expect(locationEntry('A1-01 57', 'A1-01')).toBe('other');
    expect(locationEntry('A1-02', 'A1-01')).toBe('other');
  });
});
