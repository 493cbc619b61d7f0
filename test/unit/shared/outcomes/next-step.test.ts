import { describe, expect, it } from 'vitest';
import { DEVICE_EVENTS } from '../../../../shared/sync-api/events/catalogue';
import { actionFor, nextStepFor, screenFor } from '../../../../shared/outcomes/next-step';

describe('the next step after a refusal', () => {
  it('asks a lead whose wave lost its stock to plan again, on the plan screen', () => {
    for (const code of ['stock-gone', 'over-allocated', 'task-without-reservation', 'line-held'])
      expect(nextStepFor('wave.released', code)).toBe('re-plan');
    expect(nextStepFor('allocation.committed', 'nothing-allocated')).toBe('re-plan');
    expect(screenFor('wave.released')).toBe('plan');
    expect(actionFor('re-plan')).toEqual({ label: 'Plan waves again', path: '/plan' });
  });

  it('offers a picker who lost a claim another tour, on the picking screen', () => {
    expect(nextStepFor('tour.claimed', 'tour-taken')).toBe('take-another-tour');
    expect(screenFor('tour.claimed')).toBe('picking');
    expect(actionFor('take-another-tour')).toEqual({ label: 'Take another tour', path: '/pick' });
  });

  it('sends a picker whose tour is someone else now to another tour, and otherwise to the tour', () => {
    expect(nextStepFor('pick.confirmed', 'tour-taken')).toBe('take-another-tour');
    expect(nextStepFor('tote.assigned', 'tour-not-held')).toBe('take-another-tour');
    expect(nextStepFor('pick.confirmed', 'task-closed')).toBe('check-tour');
    expect(actionFor('check-tour', 'T 1')).toEqual({ label: 'Open the tour', path: '/pick/T%201' });
    expect(actionFor('check-tour')).toEqual({ label: 'Open your tours', path: '/pick' });
  });

  it('asks for a recount when a count is refused, with no button: there is no count screen', () => {
    expect(nextStepFor('location.counted', 'unknown-sku')).toBe('recount');
    expect(screenFor('location.counted')).toBe('picking');
    expect(actionFor('recount')).toBeNull();
  });

  it('sends a refused hold to the queue and a refused assignment back to the plan', () => {
    expect(nextStepFor('backorder-line.held', 'line-not-open')).toBe('check-line');
    expect(screenFor('backorder-line.released')).toBe('queue');
    expect(nextStepFor('tour.assigned', 'tour-taken')).toBe('assign-another');
    expect(nextStepFor('wave.cancelled', 'wave-started')).toBe('check-wave');
  });

  it('tells no one to do again what can never go, whatever its type', () => {
    for (const code of ['invalid-payload', 'id-reused', 'too-large', 'bad-request'])
      expect(nextStepFor('wave.released', code)).toBe('tell-support');
    expect(nextStepFor('pick.confirmed', 'role-required')).toBe('check-operator');
    expect(nextStepFor('something.new', 'whatever')).toBe('tell-support');
    expect(actionFor('tell-support')).toBeNull();
  });

  it('shows a refused shipment, removal or return at the pack station, with a way there', () => {
    for (const type of ['shipment.confirmed', 'shipment-item.removed', 'stock.returned'])
      expect(screenFor(type)).toBe('pack');
    expect(actionFor(nextStepFor('shipment.confirmed', 'line-cancelled'))).toEqual({
      label: 'Open the pack station',
      path: '/pack',
    });
  });

  it('sends a refused receipt back to receiving, with a way there', () => {
    expect(nextStepFor('stock.received', 'unknown-location')).toBe('check-receipt');
    expect(screenFor('stock.received')).toBe('receive');
    expect(actionFor('check-receipt')).toEqual({ label: 'Open receiving', path: '/receive' });
  });

  it('has a screen and a step for every event a device sends', () => {
    for (const type of Object.keys(DEVICE_EVENTS)) {
      expect(['plan', 'floor', 'queue', 'picking', 'pack', 'receive', 'home']).toContain(
        screenFor(type),
      );
      expect(nextStepFor(type, 'some-new-code')).not.toBe('tell-support');
    }
  });
});
