import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../shared/security/csp';

const directives = (csp: string) =>
  Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('allows no inline script, eval, plugin or framing', () => {
    const d = directives(contentSecurityPolicy());
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('lets the app reach its own origin alone (the API shares it)', () => {
    expect(directives(contentSecurityPolicy())['connect-src']).toEqual(["'self'"]);
  });
});
