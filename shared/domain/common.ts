import { z } from 'zod';
import { brokenTextProblem } from '../text-safety';

// What the database columns hold: text without NUL, well-formed Unicode; integer columns are
// 32-bit; timestamps fall in this century with a real-world UTC offset. Refused here, by field,
// so nothing a device or an admin sends reaches PostgreSQL only to be refused there.
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

export const text = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .check((ctx) => {
      const problem = brokenTextProblem(ctx.value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    });

export const int4 = (min = INT4_MIN) =>
  z
    .number()
    .int()
    .min(min)
    .max(INT4_MAX, { error: `is too large: at most ${INT4_MAX.toLocaleString('en')}` });

const YEARS = 'between 2000 and 2099';
const MAX_OFFSET_MIN = 14 * 60;

// Why a timestamp or date text is out of range, or null. The format is checked before.
const timeRangeProblem = (value: string): string | null => {
  const year = Number(value.slice(0, 4));
  if (!(year >= 2000 && year <= 2099)) return `must be a date ${YEARS}`;
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(value);
  if (offset && Number(offset[2]) * 60 + Number(offset[3]) > MAX_OFFSET_MIN)
    return 'has a UTC offset beyond ±14:00, which no place on Earth uses';
  return null;
};

const inRange = <S extends z.ZodISODateTime | z.ZodISODate>(schema: S) =>
  schema.check((ctx) => {
    const problem = timeRangeProblem(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
  });

// Ids are opaque text chosen by whoever creates the record (the OMS, a device, an event).
export const IdSchema = text(1, 200);
export const TimestampSchema = inRange(z.iso.datetime({ offset: true }));
export const DateSchema = inRange(z.iso.date());
export const QuantitySchema = int4(0);
export const PositiveQuantitySchema = int4(1);
export const LengthMSchema = z.number().min(0).max(100_000);
