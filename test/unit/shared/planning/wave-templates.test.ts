import { describe, expect, it } from 'vitest';
import {
  checkTemplate,
  noLineFits,
  STANDARD_TEMPLATE,
} from '../../../../shared/planning/wave-templates';

describe('checkTemplate', () => {
  it('takes the standard template as it is', () => {
    expect(checkTemplate(STANDARD_TEMPLATE)).toEqual({ ok: true, value: STANDARD_TEMPLATE });
  });

  it('refuses contradictory bounds, naming the field and why', () => {
    const out = checkTemplate({ ...STANDARD_TEMPLATE, maxOrders: 5, maxLines: 3, maxUnits: 2 });
    expect(out).toEqual({
      ok: false,
      problems: [
        {
          field: 'maxLines',
          words: 'Max lines (3) is less than max orders (5): every order has at least one line.',
        },
        {
          field: 'maxUnits',
          words: 'Max units (2) is less than max lines (3): every line has at least one unit.',
        },
      ],
    });
  });

  it('refuses a bad value by its field, in words', () => {
    const out = checkTemplate({ ...STANDARD_TEMPLATE, name: ' ', maxWeightKg: 0, cartTotes: 2.5 });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toEqual([
      { field: 'name', words: 'The name is empty: fill it in.' },
      { field: 'maxWeightKg', words: 'Max weight (kg) must be more than 0.' },
      { field: 'cartTotes', words: 'Cart totes must be a whole number.' },
    ]);
  });
});

describe('noLineFits', () => {
  const t = { maxUnits: 10, maxWeightKg: 10, maxVolumeL: 50 };

  it('says which bound the lightest line breaks when no line fits', () => {
    expect(
      noLineFits(t, [
        { units: 2, weightKg: 14, volumeL: 1 },
        { units: 1, weightKg: 20, volumeL: 1 },
      ]),
    ).toBe(
      'No order fits this template: the lightest line weighs 14 kg, the template allows 10 kg.',
    );
    expect(noLineFits(t, [{ units: 12, weightKg: 1, volumeL: 1 }])).toBe(
      'No order fits this template: the smallest line has 12 units, the template allows 10.',
    );
    expect(noLineFits(t, [{ units: 1, weightKg: 1, volumeL: 60 }])).toBe(
      'No order fits this template: the smallest line takes 60 L, the template allows 50 L.',
    );
  });

  it('says every line breaks some bound when each breaks a different one', () => {
    expect(
      noLineFits(t, [
        { units: 20, weightKg: 1, volumeL: 1 },
        { units: 1, weightKg: 20, volumeL: 1 },
      ]),
    ).toMatch(/^No order fits this template: every line is over max units \(10\)/);
  });

  it('is null when one line fits, or there is none', () => {
    expect(
      noLineFits(t, [
        { units: 20, weightKg: 1, volumeL: 1 },
        { units: 1, weightKg: 10, volumeL: 50 },
      ]),
    ).toBeNull();
    expect(noLineFits(t, [])).toBeNull();
  });
});
