import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FLOOR_SETTINGS,
  FloorSettingsSchema,
  activePriority,
} from '../../../../shared/domain/floor-settings';
import { applyLocally } from '../../../../shared/event-rules/apply-locally';
import { memoryTables, overlay } from '../../../../shared/event-rules/tables';

const change = (payload: unknown, base = memoryTables()) => {
  const outcome = applyLocally(base, {
    id: 'e1',
    type: 'floor-settings.changed',
    operatorId: 'op-lee',
    at: '2026-12-01T08:00:00Z',
    payload,
  });
  return { outcome, view: outcome.ok ? overlay(base, outcome.changes) : base };
};

describe('the floor settings a lead changes', () => {
  it('starts from the defaults and keeps what the lead did not name', () => {
    const { view } = change({ stallMinutes: 15 });
    expect(view.get('floorSettings', 'warehouse')).toEqual({
      ...DEFAULT_FLOOR_SETTINGS,
      stallMinutes: 15,
    });
    const again = change(
      { oneTourPerPicker: false },
      memoryTables([
        { entity: 'floorSettings', id: 'warehouse', row: view.get('floorSettings', 'warehouse')! },
      ]),
    );
    expect(again.view.get('floorSettings', 'warehouse')).toMatchObject({
      stallMinutes: 15,
      oneTourPerPicker: false,
    });
  });

  it('orders allocation by the rules switched on, in the lead order', () => {
    const { view } = change({
      priorityRules: [
        { rule: 'customer-tier', on: true },
        { rule: 'promise-date', on: false },
        { rule: 'order-date', on: true },
      ],
    });
    // The rules not in the lead's list are applied last, after theirs, in the engine's order.
    expect(activePriority(view.get('floorSettings', 'warehouse')!)).toEqual([
      'customer-tier',
      'order-date',
      'order-id',
      'ship-complete-first',
      'oldest-backorder',
    ]);
  });

  it('refuses a rule named twice, an empty change and a pick rate of 0, in words', () => {
    const twice = change({
      priorityRules: [
        { rule: 'customer-tier', on: true },
        { rule: 'customer-tier', on: false },
      ],
    }).outcome;
    expect(twice).toMatchObject({
      ok: false,
      reason: expect.stringContaining('names a rule twice'),
    });
    expect(change({}).outcome).toMatchObject({
      ok: false,
      reason: expect.stringContaining('changes nothing'),
    });
    expect(change({ pickRatePerHour: 0 }).outcome).toMatchObject({ ok: false });
    expect(change({ locationCheckDigits: 'yes' }).outcome).toMatchObject({ ok: false });
  });

  it('switches location check digits on and off, off until a lead says', () => {
    expect(DEFAULT_FLOOR_SETTINGS.locationCheckDigits).toBe(false);
    const { view } = change({ locationCheckDigits: true });
    expect(view.get('floorSettings', 'warehouse')).toEqual({
      ...DEFAULT_FLOOR_SETTINGS,
      locationCheckDigits: true,
    });
    // A row saved before the setting existed reads as off.
    const { locationCheckDigits: _, ...older } = DEFAULT_FLOOR_SETTINGS;
    expect(FloorSettingsSchema.parse(older).locationCheckDigits).toBe(false);
  });
});
