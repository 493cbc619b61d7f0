import { describe, expect, it } from 'vitest';
import { unknownBadgeAdvice } from '../../../../shared/auth/unknown-badge';

describe('the advice for a badge no operator on the device has', () => {
  it('says to sync first only on a device that never synced', () => {
    expect(unknownBadgeAdvice(' ZZ999 ', { synced: false, operators: 0 })).toBe(
      'No operator with badge ZZ999 on this device. Sync first, or check the badge.',
    );
  });

  it('after a sync, says the server has no such operator: check the badge or ask to be added', () => {
    const advice = unknownBadgeAdvice('ZZ999', { synced: true, operators: 14 });
    expect(advice).toBe(
      'No operator with badge ZZ999 on the server. Check the badge, or ask a lead to add you.',
    );
    expect(advice).not.toContain('Sync first');
  });

  it('on a server with no operators at all, says how they are added and how to try the demo', () => {
    const advice = unknownBadgeAdvice('LE001', { synced: true, operators: 0 });
    expect(advice).toContain('The server has no operators yet');
    expect(advice).toContain('npm run admin -- operator-add');
    expect(advice).toContain('--demo 2000');
    expect(advice).not.toContain('Sync first');
  });
});
