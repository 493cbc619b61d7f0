import { describe, expect, it } from 'vitest';
import { checkHostAndOrigin, hostnameOfHeader } from '../../../../server/http/host-guard';
import { servedNames } from '../../../../server/http/served-names';

const names = servedNames({ publicNames: ['fillwave.lan'] });
const check = (host: string | undefined, method = 'GET', origin?: string) =>
  checkHostAndOrigin({ method, host, origin }, names, 'https')?.statusCode ?? 'ok';

describe('host guard', () => {
  it('reads the hostname of a Host header, the port dropped', () => {
    expect(hostnameOfHeader('Fillwave.LAN:4780')).toBe('fillwave.lan');
    expect(hostnameOfHeader('[0:0:0:0:0:0:0:1]:4780')).toBe('[::1]');
    expect(hostnameOfHeader('a b')).toBeNull();
    expect(hostnameOfHeader('user@evil.example')).toBeNull();
    expect(hostnameOfHeader('')).toBeNull();
    expect(hostnameOfHeader(undefined)).toBeNull();
  });

  it('refuses a missing or unknown host (421) and a foreign origin on a change (403)', () => {
    expect(check(undefined)).toBe(421);
    expect(check('evil.example')).toBe(421);
    expect(check('fillwave.lan:4780')).toBe('ok');
    expect(check('fillwave.lan:4780', 'POST')).toBe('ok');
    expect(check('fillwave.lan:4780', 'POST', 'https://fillwave.lan:4780')).toBe('ok');
    expect(check('fillwave.lan', 'POST', 'https://fillwave.lan')).toBe('ok');
    expect(check('fillwave.lan:4780', 'POST', 'http://fillwave.lan:4780')).toBe(403);
    expect(check('fillwave.lan:4780', 'DELETE', 'https://evil.example')).toBe(403);
    expect(check('fillwave.lan:4780', 'PUT', 'garbage')).toBe(403);
    expect(check('fillwave.lan:4780', 'HEAD', 'https://evil.example')).toBe('ok');
  });
});
