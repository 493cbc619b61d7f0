import { describe, expect, it } from 'vitest';
import { denyPermissionsByDefault, type PermissionSession } from '../../../electron/permissions';

const capture = (allowed?: string[]) => {
  let request!: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
  let check!: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
  denyPermissionsByDefault(
    {
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    },
    allowed,
  );
  const ask = (permission: string) => {
    let granted: boolean | undefined;
    request(null, permission, (g) => (granted = g));
    return granted;
  };
  return { ask, check: (p: string) => check(null, p) };
};

describe('denyPermissionsByDefault', () => {
  it('denies every permission request and check by default', () => {
    const { ask, check } = capture();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(ask(p)).toBe(false);
      expect(check(p)).toBe(false);
    }
  });

  it('grants only what is named in the allow list', () => {
    const { ask } = capture(['notifications']);
    expect(ask('notifications')).toBe(true);
    expect(ask('media')).toBe(false);
  });
});
