// What the shared schemas let through is what the database columns hold, refused by field in
// a person's words: text without NUL or broken surrogates, 32-bit integers, this century's
// timestamps with real offsets, payloads of bounded depth (checked without recursion).
import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../../shared/describe-issues';
import {
  DateSchema,
  IdSchema,
  INT4_MAX,
  QuantitySchema,
  TimestampSchema,
} from '../../../../shared/domain/common';
import { nestsDeeperThan } from '../../../../shared/json-depth';
import { PickConfirmedSchema } from '../../../../shared/sync-api/events/picker';
import { EventEnvelopeSchema, PAYLOAD_MAX_DEPTH } from '../../../../shared/sync-api/push';
import { brokenTextIn, brokenTextProblem, storableText } from '../../../../shared/text-safety';

const problem = (
  schema: { safeParse(v: unknown): { success: boolean; error?: unknown } },
  v: unknown,
) => {
  const r = schema.safeParse(v);
  return r.success ? null : describeIssues(r.error as never);
};

describe('text', () => {
  it('refuses NUL and half surrogate pairs, keeps whole pairs and other text', () => {
    expect(problem(IdSchema, 'a\u0000b')).toBe(
      'value: contains a NUL character, which text cannot hold',
    );
    expect(problem(IdSchema, 'a\ud800b')).toMatch(
      /^value: is not valid text \(it has half of a surrogate pair\)/,
    );
    expect(problem(IdSchema, '\udc00')).toMatch(/half of a surrogate pair/);
    expect(problem(IdSchema, 'tote 😀 Ünïcode')).toBeNull();
    expect(brokenTextProblem('\ud83d\ude00')).toBeNull();
  });

  it('names the field inside a payload', () => {
    expect(problem(PickConfirmedSchema, { pickTaskId: 'T1', qty: 1, toteCode: 'X\u0000' })).toBe(
      'toteCode: contains a NUL character, which text cannot hold',
    );
  });

  it('finds broken text anywhere in a payload, keys too, by path', () => {
    expect(brokenTextIn({ lines: [{ a: 'ok' }, { note: 'x\u0000' }] })).toEqual({
      path: 'lines.1.note',
      problem: 'contains a NUL character, which text cannot hold',
    });
    expect(brokenTextIn({ skus: [{ ['k\ud800']: 1 }] })).toMatchObject({
      path: 'skus.0.k\ufffd',
      problem: expect.stringMatching(/^a key is not valid text/),
    });
    expect(brokenTextIn({ a: ['😀', 1, null, true] })).toBeNull();
  });

  it('makes text storable: broken characters replaced, cut without splitting a pair', () => {
    expect(storableText('a\u0000b\ud800c', 100)).toBe('a\ufffdb\ufffdc');
    expect(storableText('ab😀', 3)).toBe('ab');
    expect(storableText('x'.repeat(5000), 1024)).toHaveLength(1024);
  });
});

describe('integers', () => {
  it('holds what an int4 column holds, and says so past it', () => {
    expect(problem(QuantitySchema, INT4_MAX)).toBeNull();
    expect(problem(QuantitySchema, INT4_MAX + 1)).toBe(
      'value: is too large: at most 2,147,483,647',
    );
    expect(problem(QuantitySchema, 2 ** 53)).not.toBeNull();
  });
});

describe('timestamps and dates', () => {
  it.each([
    ['2000-01-01T00:00:00Z', null],
    ['2099-12-31T23:59:59.999Z', null],
    ['2026-06-01T12:00:00+14:00', null],
    ['2026-06-01T12:00:00-14:00', null],
    ['1999-12-31T23:59:59Z', 'value: must be a date between 2000 and 2099'],
    ['2100-01-01T00:00:00Z', 'value: must be a date between 2000 and 2099'],
    ['0000-01-01T00:00:00Z', 'value: must be a date between 2000 and 2099'],
    [
      '2026-06-01T12:00:00+14:01',
      'value: has a UTC offset beyond ±14:00, which no place on Earth uses',
    ],
    [
      '2026-06-01T12:00:00-23:59',
      'value: has a UTC offset beyond ±14:00, which no place on Earth uses',
    ],
  ])('%s', (value, expected) => {
    expect(problem(TimestampSchema, value)).toBe(expected);
  });

  it('bounds dates the same way', () => {
    expect(problem(DateSchema, '2027-01-31')).toBeNull();
    expect(problem(DateSchema, '0000-01-01')).toBe('value: must be a date between 2000 and 2099');
  });
});

describe('payload depth', () => {
  const nested = (depth: number) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };
  const envelope = (payload: unknown) => ({
    id: '00000000-0000-4000-8000-000000000001',
    epoch: '00000000-0000-4000-8000-000000000002',
    seq: 1,
    type: 'pick.confirmed',
    deviceId: 'd1',
    operatorId: null,
    at: '2026-11-25T09:00:00Z',
    payload,
  });

  it('takes a payload as deep as the limit and refuses one level more, by field', () => {
    expect(nestsDeeperThan(nested(PAYLOAD_MAX_DEPTH), PAYLOAD_MAX_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(PAYLOAD_MAX_DEPTH + 1), PAYLOAD_MAX_DEPTH)).toBe(true);
    expect(problem(EventEnvelopeSchema, envelope(nested(PAYLOAD_MAX_DEPTH)))).toBeNull();
    expect(problem(EventEnvelopeSchema, envelope(nested(PAYLOAD_MAX_DEPTH + 1)))).toBe(
      'payload: is nested more than 32 levels deep; no event needs that',
    );
  });

  it('walks a payload 100,000 levels deep without overflowing the stack', () => {
    expect(nestsDeeperThan(nested(100_000), PAYLOAD_MAX_DEPTH)).toBe(true);
    expect(problem(EventEnvelopeSchema, envelope(nested(100_000)))).toMatch(/^payload: is nested/);
  });

  it('refuses a seq the column or the device could never reach', () => {
    expect(problem(EventEnvelopeSchema, { ...envelope({}), seq: 2 ** 31 })).toBe(
      'seq: is too large: at most 2,147,483,647',
    );
  });
});
