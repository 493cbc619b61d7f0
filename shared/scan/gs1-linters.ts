import { dateProblem } from './gs1-date';
import { gtinCheckDigit } from './gtin';

// The Syntax Dictionary's content checks ("linters") that the parser runs. Each gets a
// component already known to have the right length and character set (all these are numeric),
// and says what is wrong in words a person can act on, or null.
type Linter = (part: string) => string | null;

const inRange =
  (what: string, max: number): Linter =>
  (p) =>
    Number(p) <= max ? null : `${p} is not ${what}`;
const hh = inRange('an hour', 23);
const mi = inRange('a minute', 59);

export const LINTERS: Readonly<Record<string, Linter>> = {
  csum: (p) => {
    const want = gtinCheckDigit(p.slice(0, -1));
    const got = p.at(-1);
    return Number(got) === want ? null : `check digit ${got} should be ${want}`;
  },
  yymmd0: (p) => dateProblem(p, { fourDigitYear: false, dayZero: true }),
  yymmdd: (p) => dateProblem(p, { fourDigitYear: false, dayZero: false }),
  yyyymmdd: (p) => dateProblem(p, { fourDigitYear: true, dayZero: false }),
  hh,
  mi,
  ss: inRange('a second', 59),
  hhmi: (p) => (hh(p.slice(0, 2)) || mi(p.slice(2, 4)) ? `${p} is not a time (HHMM)` : null),
};

// Left to the systems that use these AIs: the company-prefix checks (gcppos1/2) need GS1's
// prefix-length table, the iso… checks need ISO code lists, pcenc, iban, couponcode and the
// rest belong to AIs a picker never scans. A test fails when the dictionary names a linter in
// neither list, so a new one gets a decision.
export const UNCHECKED_LINTERS: readonly string[] = [
  'couponcode',
  'couponposoffer',
  'csumalpha',
  'gcppos1',
  'gcppos2',
  'hasnondigit',
  'hyphen',
  'iban',
  'importeridx',
  'iso3166',
  'iso3166999',
  'iso3166alpha2',
  'iso4217',
  'iso5218',
  'latitude',
  'longitude',
  'mediatype',
  'nonzero',
  'nozeroprefix',
  'packagetype',
  'pcenc',
  'pieceoftotal',
  'posinseqslash',
  'winding',
  'yesno',
  'zero',
];
