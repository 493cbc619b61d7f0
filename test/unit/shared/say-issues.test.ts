import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { IdSchema, int4, text } from '../../../shared/domain/common';
import { sayIssues } from '../../../shared/say-issues';
import { EnrollRequestSchema, ENROLL_FIELD_WORDS } from '../../../shared/sync-api/enroll';
import { WaveReleasedSchema } from '../../../shared/sync-api/events/lead';

const said = (schema: z.ZodType, input: unknown, words = {}) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a refusal');
  return sayIssues(parsed.error, words);
};

describe("a schema's refusal in a person's words", () => {
  it('names the field in words and says what it needs, one sentence each', () => {
    expect(said(EnrollRequestSchema, { code: 'C'.repeat(101), name: '' }, ENROLL_FIELD_WORDS)).toBe(
      'The enrollment code is too long: at most 100 characters. The device name is empty: fill it in.',
    );
    const schema = z.strictObject({
      toteCode: text(1, 50),
      backorderLineId: IdSchema,
      qty: int4(1),
      reason: z.enum(['not-found', 'damaged']),
      packStation: z.string().min(3),
    });
    expect(said(schema, { toteCode: 7, qty: 1.5, reason: 'lost', packStation: 'P' })).toBe(
      [
        'The tote code is not the right kind of value.',
        'The backorder line is missing: fill it in.',
        'The quantity must be a whole number.',
        'The reason must be one of not-found, damaged.',
        'The pack station is too short: at least 3 characters.',
      ].join(' '),
    );
    expect(said(schema.pick({ qty: true }), { qty: 0 })).toBe(
      'The quantity is too small: at least 1.',
    );
    // A message the schema wrote itself is kept: it is already a person's phrase.
    expect(said(schema.pick({ qty: true }), { qty: 2 ** 40 })).toBe(
      'The quantity is too large: at most 2,147,483,647.',
    );
  });

  it('never shows a path, an array position or zod wording, deep in a payload', () => {
    const out = said(WaveReleasedSchema, {
      waveId: 'W1',
      name: 'Wave 1',
      tours: [{ tourId: 'T1', sequence: 0, routeLengthM: 10, tasks: [] }],
      extra: true,
    });
    expect(out).toBe(
      'The list of tasks is empty: add at least one. This app does not know the field extra.',
    );
    expect(out).not.toMatch(/tours\.0|Too small|expected|:\s*$/);
  });
});
