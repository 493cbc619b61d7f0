import { describe, expect, it } from 'vitest';
import { attemptsOf, isLocked, LOCK_MS } from '../../../../shared/auth/pin-lock';
import { applyLocally, type LocalOutcome } from '../../../../shared/event-rules/apply-locally';
import { memoryTables, overlay, type Tables } from '../../../../shared/event-rules/tables';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

const PAT = { id: 'op-pat', badge: 'PI001', name: 'Pat Picker', role: 'picker', active: true };
const LEE = { id: 'op-lee', badge: 'LE001', name: 'Lee Lead', role: 'lead', active: true };
const world = (pat: Record<string, unknown> = PAT) =>
  memoryTables([
    { entity: 'operator', id: 'op-pat', row: pat },
    { entity: 'operator', id: 'op-lee', row: LEE },
  ]);

let n = 0;
const run = (
  base: Tables,
  type: string,
  operatorId: string,
  ms: number,
  payload: unknown = {},
): { outcome: LocalOutcome; view: Tables } => {
  const outcome = applyLocally(base, { id: `e${++n}`, type, operatorId, at: at(ms), payload });
  return { outcome, view: outcome.ok ? overlay(base, outcome.changes) : base };
};
const wrongPins = (base: Tables, times: number, ms = 0): Tables => {
  let view = base;
  for (let i = 0; i < times; i++) view = run(view, 'operator.pin-refused', 'op-pat', ms).view;
  return view;
};
const patOf = (t: Tables) => attemptsOf(t.get('operator', 'op-pat'));

describe('the PIN lock on the operator record (the server-counted state)', () => {
  it('counts wrong PINs on the record: the fifth in a row locks it for 5 min from then', () => {
    const four = wrongPins(world(), 4);
    expect(patOf(four)).toEqual({ wrongInARow: 4, lockedUntil: null });
    const five = run(four, 'operator.pin-refused', 'op-pat', 1000).view;
    expect(five.get('operator', 'op-pat')).toMatchObject({
      wrongPins: 5,
      pinLockedUntil: at(1000 + LOCK_MS),
    });
    expect(isLocked(patOf(five), T0 + 1000)).toBe(true);
  });

  it('adds to a count another device made: three there and two here lock', () => {
    // As pulled: the server counted three wrong PINs typed on another handheld.
    const pulled = world({ ...PAT, wrongPins: 3, pinLockedUntil: null });
    expect(isLocked(patOf(wrongPins(pulled, 2)), T0)).toBe(true);
  });

  it('a right PIN ends the run, but not a lock set meanwhile', () => {
    const three = wrongPins(world(), 3);
    const right = run(three, 'operator.pin-accepted', 'op-pat', 0);
    expect(patOf(right.view)).toEqual({ wrongInARow: 0, lockedUntil: null });
    const locked = wrongPins(world(), 5);
    const late = run(locked, 'operator.pin-accepted', 'op-pat', 10);
    expect(late.outcome).toEqual({ ok: true, changes: [] });
  });

  it("a lead's unlock lifts the lock; it is refused in words for a badge not locked", () => {
    const locked = wrongPins(world(), 5);
    const lifted = run(locked, 'operator.unlocked', 'op-lee', 60_000, { operatorId: 'op-pat' });
    expect(lifted.outcome.ok).toBe(true);
    expect(patOf(lifted.view)).toEqual({ wrongInARow: 0, lockedUntil: null });
    expect(
      run(lifted.view, 'operator.unlocked', 'op-lee', 61_000, { operatorId: 'op-pat' }).outcome,
    ).toEqual({
      ok: false,
      code: 'not-locked',
      reason: 'Pat Picker is not locked out: they can sign in with their PIN.',
    });
    // A lock that ran out is not locked either.
    expect(
      run(locked, 'operator.unlocked', 'op-lee', LOCK_MS, { operatorId: 'op-pat' }).outcome,
    ).toMatchObject({ ok: false, code: 'not-locked' });
  });

  it('refuses an unlock from someone who is not a lead, naming them', () => {
    const locked = wrongPins(world(), 5);
    expect(run(locked, 'operator.unlocked', 'op-pat', 0, { operatorId: 'op-pat' }).outcome).toEqual(
      {
        ok: false,
        code: 'role-required',
        reason: 'Only a lead can unlock a badge; Pat Picker is a picker.',
      },
    );
  });
});
