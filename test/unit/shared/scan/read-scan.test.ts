import { describe, expect, it } from 'vitest';
import { GS } from '../../../../shared/scan/gs1';
import { centuryYear, gs1DateToIso } from '../../../../shared/scan/gs1-date';
import { readScan } from '../../../../shared/scan/read-scan';

const today = '2025-06-15';

describe('readScan tells plain barcodes from GS1', () => {
  it('reads EAN-13, UPC-A, EAN-8 and ITF-14 as GTINs, compared as 14 digits', () => {
    expect(readScan('4006381333931', today)).toEqual({
      kind: 'gtin',
      code: '4006381333931',
      gtin14: '04006381333931',
    });
    expect(readScan('036000291452', today)).toMatchObject({ gtin14: '00036000291452' });
    expect(readScan('96385074', today)).toMatchObject({ gtin14: '00000096385074' });
    expect(readScan('10614141000415', today)).toMatchObject({ kind: 'gtin' });
  });

  it('keeps codes that are not GTINs or GS1 as plain codes: locations, totes, bad check digits', () => {
    for (const text of ['A-12-03-B', 'TOTE-0042', '4006381333932', '100401', '10-04-B'])
      expect(readScan(text, today)).toEqual({ kind: 'code', text });
  });

  it('strips the identifier of a plain symbology', () => {
    expect(readScan(']E04006381333931', today)).toMatchObject({
      kind: 'gtin',
      code: '4006381333931',
    });
    expect(readScan(']C0LOC-7', today)).toEqual({ kind: 'code', text: 'LOC-7' });
    // A plain Code 128 is never GS1, whatever its digits say.
    expect(readScan(']C00109501101020917', today)).toEqual({
      kind: 'code',
      text: '0109501101020917',
    });
  });

  it('reads GS1: GTIN, count, lot, serial, expiry and best-before', () => {
    expect(
      readScan(`]C10109501101020917172506001525053110LOT-9${GS}21SN1${GS}3012`, today),
    ).toEqual({
      kind: 'gs1',
      elements: [
        { ai: '01', value: '09501101020917' },
        { ai: '17', value: '250600' },
        { ai: '15', value: '250531' },
        { ai: '10', value: 'LOT-9' },
        { ai: '21', value: 'SN1' },
        { ai: '30', value: '12' },
      ],
      gtin14: '09501101020917',
      count: 12,
      lot: 'LOT-9',
      serial: 'SN1',
      expiry: { raw: '250600', iso: '2025-06-30' },
      bestBefore: { raw: '250531', iso: '2025-05-31' },
    });
  });

  it('reads the contents GTIN and count of a case (02 with 37)', () => {
    expect(readScan(']d2021061414100041537020', today)).toMatchObject({
      kind: 'gs1',
      gtin14: '10614141000415',
      count: 20,
    });
  });

  it('takes digits that parse as GS1 from an SSCC or GTIN on as GS1 without an identifier', () => {
    expect(readScan('010950110102091710ABC', today)).toMatchObject({ kind: 'gs1', lot: 'ABC' });
    expect(readScan('00106141412345678908', today)).toMatchObject({ kind: 'gs1' });
  });

  it('says why a scan marked as GS1 is not valid', () => {
    expect(readScan(']C10109501101020913', today)).toEqual({
      kind: 'invalid',
      reason: 'AI (01): check digit 3 should be 7',
    });
    expect(readScan(`10ABC${GS}17251340`, today)).toEqual({
      kind: 'invalid',
      reason: 'AI (17): 251340 is not a date (month 13)',
    });
    expect(readScan('', today)).toEqual({ kind: 'invalid', reason: 'the scan is empty' });
  });

  it('places two-digit years by the clock it is given', () => {
    const expiry = (t: string) => readScan(`0109501101020917${t}`, '2070-01-01');
    expect(expiry('17201231')).toMatchObject({ expiry: { iso: '2120-12-31' } });
    expect(expiry('17210101')).toMatchObject({ expiry: { iso: '2021-01-01' } });
  });

  it('refuses a malformed clock as a bug', () => {
    expect(() => readScan('4006381333931', '15/06/2025')).toThrow(/not YYYY-MM-DD/);
  });
});

describe('GS1 dates', () => {
  it('place YY from 49 years back to 50 ahead of the current year', () => {
    expect(centuryYear(75, 2025)).toBe(2075);
    expect(centuryYear(76, 2025)).toBe(1976);
    expect(centuryYear(0, 2025)).toBe(2000);
    expect(centuryYear(99, 2000)).toBe(1999);
    expect(centuryYear(50, 2000)).toBe(2050);
    expect(centuryYear(51, 2000)).toBe(1951);
    expect(centuryYear(25, 2075)).toBe(2125);
    expect(centuryYear(26, 2075)).toBe(2026);
  });

  it('read day 00 as the last day of the month, leap years included', () => {
    expect(gs1DateToIso('130200', 2025)).toBe('2013-02-28');
    expect(gs1DateToIso('160200', 2025)).toBe('2016-02-29');
    expect(gs1DateToIso('250400', 2025)).toBe('2025-04-30');
    expect(gs1DateToIso('251231', 2025)).toBe('2025-12-31');
  });
});
