import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../../../shared/domain/event-record';
import { typedEntriesByPicker } from '../../../../../shared/engines/kpi/typed-entries';

const pick = (
  id: string,
  operatorId: string,
  at: string,
  entry?: 'scan' | 'typed',
): EventRecord => ({
  id,
  type: 'pick.confirmed',
  source: 'device',
  deviceId: 'hh-1',
  operatorId,
  at,
  receivedAt: at,
  payload: { pickTaskId: `K-${id}`, qty: 1, toteCode: 'T', ...(entry ? { entry } : {}) },
});

const DAY = {
  fromMs: Date.parse('2026-11-25T00:00:00Z'),
  toMs: Date.parse('2026-11-26T00:00:00Z'),
  asOfMs: Date.parse('2026-11-26T00:00:00Z'),
};

describe('typed entries per picker', () => {
  it('counts the picks each picker typed, apart from scans and from picks of older apps', () => {
    const events = [
      pick('1', 'op-pia', '2026-11-25T08:00:00Z', 'scan'),
      pick('2', 'op-pia', '2026-11-25T08:01:00Z', 'typed'),
      pick('3', 'op-pia', '2026-11-25T08:02:00Z', 'typed'),
      pick('4', 'op-ada', '2026-11-25T08:03:00Z', 'scan'),
      pick('5', 'op-ada', '2026-11-25T08:04:00Z'),
      // Outside the window, and not a pick: not counted.
      pick('6', 'op-pia', '2026-11-26T00:00:00Z', 'typed'),
      { ...pick('7', 'op-pia', '2026-11-25T09:00:00Z'), type: 'pick.undone' },
    ];
    expect(typedEntriesByPicker(events, DAY)).toEqual([
      { pickerId: 'op-ada', picks: 2, typed: 0, unrecorded: 1 },
      { pickerId: 'op-pia', picks: 3, typed: 2, unrecorded: 0 },
    ]);
    // The same log in any order gives the same rows.
    expect(typedEntriesByPicker([...events].reverse(), DAY)).toEqual(
      typedEntriesByPicker(events, DAY),
    );
  });
});
