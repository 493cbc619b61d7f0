import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DICTIONARY_PATH,
  parseDictionary,
  renderTable,
  TABLE_PATH,
} from '../../../../scripts/gen-gs1-table';
import { gs1AiEntry } from '../../../../shared/scan/gs1-ai';
import { GS1_AI_TABLE } from '../../../../shared/scan/gs1-ai-table';
import { LINTERS, UNCHECKED_LINTERS } from '../../../../shared/scan/gs1-linters';

const root = path.resolve(import.meta.dirname, '../../../..');
const dictionary = readFileSync(path.join(root, DICTIONARY_PATH), 'utf8');

// GS1 General Specifications, "Element strings with predefined length using GS1 Application
// Identifiers": the AI's first two digits, and the length of AI plus data. Only these need no
// FNC1 after them; the table never grows, so readers built long ago keep working. (23 was in it
// too; no AI starts with 23 any more.)
// prettier-ignore
const PREDEFINED: Record<string, number> = {
  '00': 20, '01': 16, '02': 16, '03': 16, '04': 18, '11': 8, '12': 8, '13': 8, '14': 8, '15': 8,
  '16': 8, '17': 8, '18': 8, '19': 8, '20': 4, '31': 10, '32': 10, '33': 10, '34': 10, '35': 10,
  '36': 10, '41': 16,
};

describe('the AI table', () => {
  it('is exactly what the generator makes from the dictionary in third_party/gs1', () => {
    expect(readFileSync(path.join(root, TABLE_PATH), 'utf8')).toBe(renderTable(dictionary));
  });

  it('is what the code imports', () => {
    expect(GS1_AI_TABLE).toEqual(parseDictionary(dictionary));
  });

  it("marks as predefined-length exactly the AIs in GS1's predefined-length table, with its lengths", () => {
    for (const e of GS1_AI_TABLE) {
      const total = PREDEFINED[e.first.slice(0, 2)];
      expect(e.fixedLength, `AI ${e.first}`).toBe(total !== undefined);
      if (total !== undefined)
        expect(e.first.length + e.components.reduce((n, c) => n + c.max, 0), `AI ${e.first}`).toBe(
          total,
        );
    }
  });

  it('holds the AIs a picker scans, with their formats', () => {
    const format = (ai: string) =>
      gs1AiEntry(ai)?.components.map((c) => [c.charset, c.min, c.max, ...c.linters].join(' '));
    expect(format('00')).toEqual(['N 18 18 csum gcppos2']);
    expect(format('01')).toEqual(['N 14 14 csum gcppos2']);
    expect(format('02')).toEqual(['N 14 14 csum gcppos2']);
    expect(format('10')).toEqual(['X 1 20']);
    for (const ai of ['11', '15', '17']) expect(format(ai)).toEqual(['N 6 6 yymmd0']);
    expect(format('21')).toEqual(['X 1 20']);
    expect(format('30')).toEqual(['N 1 8']);
    expect(format('37')).toEqual(['N 1 8']);
    for (const n of [0, 1, 2, 3, 4, 5]) expect(format(`310${n}`)).toEqual(['N 6 6']);
    expect(format('3106')).toBeUndefined();
    expect(format('90')).toEqual(['X 1 30']);
    for (let ai = 91; ai <= 99; ai++) expect(format(String(ai))).toEqual(['X 1 90']);
  });

  it('leaves no linter of the dictionary undecided: each is either run or listed as not run', () => {
    const named = new Set(GS1_AI_TABLE.flatMap((e) => e.components.flatMap((c) => c.linters)));
    const run = Object.keys(LINTERS);
    expect(run.filter((l) => UNCHECKED_LINTERS.includes(l))).toEqual([]);
    expect([...named].filter((l) => !run.includes(l) && !UNCHECKED_LINTERS.includes(l))).toEqual(
      [],
    );
    expect(run.filter((l) => !named.has(l))).toEqual([]);
  });
});

describe('the generator', () => {
  const line = (spec: string) => parseDictionary(spec)[0];

  it('reads flags, optional components, linters and ranges', () => {
    expect(line('7007  ?  N6,yymmdd [N6],yymmdd   req=01,02   # HARVEST DATE')).toEqual({
      first: '7007',
      last: '7007',
      fixedLength: false,
      title: 'HARVEST DATE',
      components: [
        { charset: 'N', min: 6, max: 6, optional: false, linters: ['yymmdd'] },
        { charset: 'N', min: 6, max: 6, optional: true, linters: ['yymmdd'] },
      ],
    });
    expect(line('91-99  ?  X..90  # INTERNAL')).toMatchObject({ first: '91', last: '99' });
    expect(line('3100-3105 *? N6 req=01,02 ex=310n')).toMatchObject({ fixedLength: true });
  });

  it('refuses lines it cannot represent, naming the line', () => {
    expect(() => parseDictionary('# header\n01 *? N..14\n')).toThrow(
      /gs1-syntax-dictionary.txt:2: a predefined-length AI with a variable-length field/,
    );
    expect(() => parseDictionary('99 X..5 N2')).toThrow(/variable length before the end/);
    expect(() => parseDictionary('99 [N2] N2')).toThrow(/mandatory component after an optional/);
    expect(() => parseDictionary('310-3105 N6')).toThrow(/a range must run up/);
    expect(() => parseDictionary('99 ? req=01')).toThrow(/no data field specification/);
  });
});
