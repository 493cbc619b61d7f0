import { z } from 'zod';
import { sayIssues } from '../say-issues';
import { int4 } from '../domain/common';
import { LocationSchema } from '../domain/location';
import type { Cart } from '../engines/batching/cart';
import type { WaveTemplate } from '../engines/waves/wave-template';
import { DEFAULT_CART, DEFAULT_TEMPLATE } from '../engines/plan/release';

// A thousand tonnes or cubic metres: far past any cart, and a bound the form can carry.
const MEASURE_MAX = 1_000_000;
const MEASURE_TOO_LARGE = 'is too large: at most 1,000,000';
const ZONE_MAX = LocationSchema.shape.zone.maxLength!;
export const TEMPLATE_MAX_ZONES = 100;

// A wave template as the lead names and saves it: the wave's bounds, whether lines wait for
// their carrier's cut-off, and how many totes a cart holds.
export const NamedTemplateSchema = z.strictObject({
  name: z.string().trim().min(1).max(60, 'is too long: at most 60 characters'),
  maxOrders: int4(1),
  maxLines: int4(1),
  maxUnits: int4(1),
  maxWeightKg: z.number().positive('must be more than 0').max(MEASURE_MAX, MEASURE_TOO_LARGE),
  maxVolumeL: z.number().positive('must be more than 0').max(MEASURE_MAX, MEASURE_TOO_LARGE),
  // Only lines picked from these zones; null takes every zone.
  zones: z.array(z.string().trim().min(1).max(ZONE_MAX)).min(1).max(TEMPLATE_MAX_ZONES).nullable(),
  // Lines with the same carrier cut-off go together, earliest first; off, cut-offs mix.
  groupByCutoff: z.boolean(),
  cartTotes: z.number().int().min(1).max(99),
});
export type NamedTemplate = z.infer<typeof NamedTemplateSchema>;
export type TemplateField = Exclude<keyof NamedTemplate, never>;

export const STANDARD_TEMPLATE: NamedTemplate = {
  name: 'Standard',
  ...DEFAULT_TEMPLATE,
  groupByCutoff: true,
  cartTotes: DEFAULT_CART.totes,
};

export const FIELD_WORDS: Record<TemplateField, string> = {
  name: 'the name',
  maxOrders: 'max orders',
  maxLines: 'max lines',
  maxUnits: 'max units',
  maxWeightKg: 'max weight (kg)',
  maxVolumeL: 'max volume (L)',
  zones: 'the zones',
  groupByCutoff: 'cut-off grouping',
  cartTotes: 'cart totes',
};

export type TemplateCheck =
  | { ok: true; value: NamedTemplate }
  | { ok: false; problems: { field: TemplateField; words: string }[] };

// Bounds that contradict each other can build no wave at all: refused, the field named.
const contradictions = (t: NamedTemplate): { field: TemplateField; words: string }[] => {
  const out: { field: TemplateField; words: string }[] = [];
  if (t.maxLines < t.maxOrders)
    out.push({
      field: 'maxLines',
      words: `Max lines (${t.maxLines}) is less than max orders (${t.maxOrders}): every order has at least one line.`,
    });
  if (t.maxUnits < t.maxLines)
    out.push({
      field: 'maxUnits',
      words: `Max units (${t.maxUnits}) is less than max lines (${t.maxLines}): every line has at least one unit.`,
    });
  return out;
};

export const checkTemplate = (input: unknown): TemplateCheck => {
  const parsed = NamedTemplateSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = (typeof issue.path[0] === 'string' ? issue.path[0] : 'name') as TemplateField;
      return {
        field,
        words: sayIssues(new z.ZodError([issue]), { [field]: FIELD_WORDS[field] ?? field }),
      };
    });
    return { ok: false, problems };
  }
  const problems = contradictions(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: parsed.data };
};

// What the engines take from a template: the wave's bounds and the cart.
export const engineTemplate = (t: NamedTemplate): WaveTemplate => ({
  maxOrders: t.maxOrders,
  maxLines: t.maxLines,
  maxUnits: t.maxUnits,
  maxWeightKg: t.maxWeightKg,
  maxVolumeL: t.maxVolumeL,
  zones: t.zones,
});

export const cartOf = (t: NamedTemplate): Cart => ({ ...DEFAULT_CART, totes: t.cartTotes });

// The lightest line, in each measure a template bounds, of the lines waiting to be waved.
export interface LineSizes {
  units: number;
  weightKg: number;
  volumeL: number;
}

const kg = (n: number) => `${Math.round(n * 100) / 100} kg`;
const litres = (n: number) => `${Math.round(n * 100) / 100} L`;

const EPSILON = 1e-9;

// Why no order fits the template, when none can: every order has at least one line, so when no
// single line is within the bounds, no order is. Null when some line fits.
export const noLineFits = (
  t: Pick<NamedTemplate, 'maxUnits' | 'maxWeightKg' | 'maxVolumeL'>,
  lines: readonly LineSizes[],
): string | null => {
  const fits = (l: LineSizes) =>
    l.units <= t.maxUnits &&
    l.weightKg <= t.maxWeightKg + EPSILON &&
    l.volumeL <= t.maxVolumeL + EPSILON;
  if (lines.length === 0 || lines.some(fits)) return null;
  const least = (pick: (l: LineSizes) => number) =>
    lines.reduce((m, l) => Math.min(m, pick(l)), Infinity);
  const units = least((l) => l.units);
  if (units > t.maxUnits)
    return `No order fits this template: the smallest line has ${units} units, the template allows ${t.maxUnits}.`;
  const weight = least((l) => l.weightKg);
  if (weight > t.maxWeightKg + EPSILON)
    return `No order fits this template: the lightest line weighs ${kg(weight)}, the template allows ${kg(t.maxWeightKg)}.`;
  const volume = least((l) => l.volumeL);
  if (volume > t.maxVolumeL + EPSILON)
    return `No order fits this template: the smallest line takes ${litres(volume)}, the template allows ${litres(t.maxVolumeL)}.`;
  return `No order fits this template: every line is over max units (${t.maxUnits}), max weight (${kg(t.maxWeightKg)}) or max volume (${litres(t.maxVolumeL)}).`;
};
