import { z } from 'zod';
import { sayIssues } from '../say-issues';
import { fail, ok, type Result } from '../result';

// How the station's keyboard-wedge scanner is set up. The defaults fit scanners out of the box:
// no prefix, Enter after each code, keys 5 to 15 ms apart.
export const BurstConfigSchema = z.strictObject({
  // Characters the scanner is set to send before each code; required, then stripped.
  prefix: z
    .string()
    .min(1, 'is empty: leave it out for no prefix')
    .max(8, 'is too long: at most 8 characters')
    .optional(),
  suffix: z.enum(['Enter', 'Tab'], { error: 'must be Enter or Tab' }).default('Enter'),
  // Scanners type 5 to 15 ms apart; a fast typist 60 to 90 ms. Above 50 ms a typist's quick
  // pairs start to pass for a scanner, so that is the limit.
  maxGapMs: z
    .number()
    .int()
    .min(1)
    .max(50, 'is too long: at most 50 ms, or typing passes for a scan')
    .default(35),
  // Shorter bursts are keyboard shortcuts or rollover, not codes.
  minLength: z.number().int().min(2, 'is too short: at least 2 characters').max(4096).default(4),
  // The key the scanner is set to send for FNC1 (the GS1 group separator), such as "F8", where
  // it cannot send the control character itself.
  gsKey: z.string().min(1).optional(),
});
export type BurstConfig = z.infer<typeof BurstConfigSchema>;

// The settings as the scanner settings form names them.
const SETTING_WORDS = {
  prefix: 'the prefix the scanner sends first',
  suffix: 'the key after each code',
  maxGapMs: "the time between a scan's keys",
  minLength: 'the shortest code',
  gsKey: 'the key for FNC1',
  '': 'the scanner settings',
};

export const DEFAULT_BURST_CONFIG: BurstConfig = BurstConfigSchema.parse({});

export const parseBurstConfig = (input: unknown): Result<BurstConfig> => {
  const parsed = BurstConfigSchema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(sayIssues(parsed.error, SETTING_WORDS));
};
