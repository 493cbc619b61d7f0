import { describe, expect, it } from 'vitest';
import { pinProblemForRole } from '../../../../shared/auth/pin-rule';
import {
  describeRoles,
  parseRolesList,
  roleRefusal,
  sameRoles,
} from '../../../../shared/auth/roles';

describe('device roles', () => {
  it('reads --roles as typed, in one order, and names what is not a role', () => {
    expect(parseRolesList('packer, picker')).toEqual({ ok: true, value: ['picker', 'packer'] });
    expect(parseRolesList('picker,boss')).toEqual({
      ok: false,
      reason: '"boss" is not a role: use picker, lead, packer, comma-separated',
    });
    expect(parseRolesList('lead,lead')).toEqual({
      ok: false,
      reason: '--roles: a role is named twice',
    });
    expect(parseRolesList(' , ')).toEqual({ ok: false, reason: '--roles: name at least one role' });
  });

  it('says in words who a device signs in, and refuses the rest by name', () => {
    expect(describeRoles(['packer', 'picker'])).toBe('pickers and packers');
    expect(describeRoles(['lead', 'picker', 'packer'])).toBe('pickers, leads and packers');
    expect(roleRefusal({ name: 'Pat', role: 'picker' }, ['picker'])).toBeNull();
    expect(roleRefusal({ name: 'Lee', role: 'lead' }, ['picker'])).toBe(
      'Lee is a lead, and this device is enrolled for pickers only. Sign in on another device, or ask an admin to enroll this one with the lead role.',
    );
    expect(sameRoles(['packer', 'picker'], ['picker', 'packer'])).toBe(true);
    expect(sameRoles(['picker'], ['picker', 'lead'])).toBe(false);
  });

  it("asks at least 6 digits of a lead's new PIN, and 4 of anyone else's", () => {
    expect(pinProblemForRole('lead', '12345')).toBe("a lead's PIN has at least 6 digits");
    expect(pinProblemForRole('lead', '123456')).toBeNull();
    expect(pinProblemForRole('picker', '1234')).toBeNull();
    expect(pinProblemForRole('packer', '1234')).toBeNull();
  });
});
