import { describe, expect, it } from 'vitest';
import {
  activityOf,
  expectedMinutes,
  sayMinutes,
  totalsOf,
  tourFigures,
  WALK_M_PER_MIN,
} from '../../../../shared/floor/progress';

const RULES = { pickRatePerHour: 60, stallMinutes: 10 };
const task = (status: 'open' | 'picked' | 'short' | 'cancelled', shortQty = 0) => ({
  status,
  shortQty,
});
const at = (hhmm: string) => `2026-12-01T${hhmm}:00.000Z`;
const now = new Date(at('08:30'));

describe('tour figures', () => {
  it('counts tasks done and short, leaving cancelled ones out', () => {
    const f = tourFigures(
      { status: 'picking', routeLengthM: 100 },
      [task('picked'), task('short', 2), task('picked', 1), task('open'), task('cancelled')],
      [{ at: at('08:20'), work: true }],
      RULES,
      now,
    );
    expect(f).toMatchObject({ tasks: 4, done: 3, shorts: 2 });
  });

  it('expects the route walked at cart speed plus the tasks at the pick rate', () => {
    expect(WALK_M_PER_MIN).toBe(50);
    expect(expectedMinutes(500, 30, 60)).toBe(10 + 30);
    expect(expectedMinutes(0, 30, 120)).toBe(15);
  });

  it('times a tour from its first work to now, and a completed one to its completion', () => {
    const activity = [
      { at: at('08:05'), work: false },
      { at: at('08:10'), work: true },
      { at: at('08:22'), work: true },
    ];
    const walking = tourFigures({ status: 'picking', routeLengthM: 0 }, [], activity, RULES, now);
    expect(walking).toMatchObject({ startedAt: at('08:10'), elapsedMin: 20, idleMin: 8 });
    const done = tourFigures({ status: 'completed', routeLengthM: 0 }, [], activity, RULES, now);
    expect(done).toMatchObject({ elapsedMin: 12, idleMin: null, stalled: false });
    const untouched = tourFigures({ status: 'released', routeLengthM: 0 }, [], [], RULES, now);
    expect(untouched).toMatchObject({ startedAt: null, elapsedMin: null, idleMin: null });
  });

  it('flags a held tour with no progress for the stall minutes, counting from a hand-over too', () => {
    const f = (last: string, status: 'claimed' | 'assigned' | 'picking' = 'picking') =>
      tourFigures({ status, routeLengthM: 0 }, [], [{ at: at(last), work: false }], RULES, now);
    expect(f('08:16')).toMatchObject({ idleMin: 14, stalled: true });
    expect(f('08:20')).toMatchObject({ idleMin: 10, stalled: true });
    expect(f('08:21')).toMatchObject({ idleMin: 9, stalled: false });
    expect(f('08:00', 'assigned')).toMatchObject({ stalled: true });
    // A lead's shorter setting flags sooner.
    const soon = tourFigures(
      { status: 'claimed', routeLengthM: 0 },
      [],
      [{ at: at('08:25'), work: true }],
      { ...RULES, stallMinutes: 5 },
      now,
    );
    expect(soon.stalled).toBe(true);
  });
});

describe('totals and activity', () => {
  it('adds a wave’s or a picker’s tours up, in picker-minutes', () => {
    const a = tourFigures(
      { status: 'picking', routeLengthM: 50 },
      [task('picked'), task('open')],
      [{ at: at('08:00'), work: true }],
      RULES,
      now,
    );
    const b = tourFigures(
      { status: 'released', routeLengthM: 100 },
      [task('open')],
      [],
      RULES,
      now,
    );
    expect(totalsOf([a, b])).toEqual({
      tours: 2,
      tasks: 3,
      done: 1,
      shorts: 0,
      elapsedMin: 30,
      expectedMin: 1 + 2 + 2 + 1,
      stalled: 1,
    });
  });

  it('reads tour activity from the log: by tour, or by the tour of the task; others ignored', () => {
    const tasks = new Map([['K1', 'T1']]);
    expect(
      activityOf(
        [
          { type: 'tour.claimed', at: at('08:00'), payload: { tourId: 'T1' } },
          { type: 'tour.reassigned', at: at('08:01'), payload: { tourId: 'T1', pickerId: 'p' } },
          { type: 'pick.confirmed', at: at('08:02'), payload: { pickTaskId: 'K1', qty: 1 } },
          { type: 'pick.confirmed', at: at('08:03'), payload: { pickTaskId: 'K9', qty: 1 } },
          { type: 'pick.undone', at: at('08:04'), payload: { pickId: 'x' } },
          { type: 'allocation.committed', at: at('08:05'), payload: { lines: [] } },
          { type: 'tour.claimed', at: at('08:06'), payload: null },
        ],
        tasks,
      ),
    ).toEqual([
      { tourId: 'T1', at: at('08:00'), work: true },
      { tourId: 'T1', at: at('08:01'), work: false },
      { tourId: 'T1', at: at('08:02'), work: true },
    ]);
  });

  it('says minutes as a lead reads them', () => {
    expect(sayMinutes(14)).toBe('14 min');
    expect(sayMinutes(65)).toBe('1 h 05 min');
  });
});
