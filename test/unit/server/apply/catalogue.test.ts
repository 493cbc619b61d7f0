import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../../../server/apply/index';
import { DEVICE_EVENTS } from '../../../../shared/sync-api/events/catalogue';

describe('the event catalogue', () => {
  it('the server applies every device event the catalogue names, with the same role and schema', () => {
    const fromDevices = EVENT_TYPES.filter((t) => t.from.includes('device'));
    expect(fromDevices.map((t) => t.type).sort()).toEqual(Object.keys(DEVICE_EVENTS).sort());
    for (const t of fromDevices) {
      const spec = DEVICE_EVENTS[t.type as keyof typeof DEVICE_EVENTS];
      expect(t.role, t.type).toBe(spec.role);
      expect(t.payload, t.type).toBe(spec.payload);
    }
  });

  it('names events as noun then past verb', () => {
    for (const t of EVENT_TYPES) expect(t.type).toMatch(/^[a-z-]+(\.[a-z-]+)+$/);
  });
});
