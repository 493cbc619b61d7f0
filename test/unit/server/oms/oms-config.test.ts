import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../../../server/config';

const defaults = { appDir: '/app', dataDir: '/data' };
const CREDENTIALS = { FILLWAVE_OMS_USER: 'fillwave', FILLWAVE_OMS_PASSWORD: 'secret-pass' };

describe('--oms', () => {
  it('connects to Vendure at --oms-url with a user from the environment; stock is Fillwave’s unless said', () => {
    expect(
      parseServerArgs(
        ['--oms', 'vendure', '--oms-url', 'http://shop:3000/admin-api'],
        CREDENTIALS,
        defaults,
      ),
    ).toMatchObject({
      ok: true,
      value: {
        oms: {
          kind: 'vendure',
          url: 'http://shop:3000/admin-api',
          auth: { username: 'fillwave', password: 'secret-pass' },
          stockOwner: 'fillwave',
        },
      },
    });
    expect(
      parseServerArgs(
        ['--stock-owner', 'oms'],
        {
          FILLWAVE_OMS: 'vendure',
          FILLWAVE_OMS_URL: 'https://shop/admin-api',
          FILLWAVE_OMS_TOKEN: 'tok',
        },
        defaults,
      ),
    ).toMatchObject({ value: { oms: { auth: { token: 'tok' }, stockOwner: 'oms' } } });
  });

  it('is absent unless asked for', () => {
    const parsed = parseServerArgs([], {}, defaults);
    expect(parsed.ok && 'oms' in parsed.value).toBe(false);
  });

  it('refuses what it cannot use, in words that say what to give', () => {
    const reason = (argv: string[], env: Record<string, string> = CREDENTIALS) => {
      const parsed = parseServerArgs(argv, env, defaults);
      return parsed.ok ? 'accepted' : parsed.reason;
    };
    expect(reason(['--oms', 'shopify', '--oms-url', 'http://x'])).toBe(
      '--oms "shopify" is not an OMS Fillwave connects to; it knows: vendure',
    );
    expect(reason(['--oms', 'vendure'])).toMatch(/^--oms vendure needs --oms-url/);
    expect(reason(['--oms', 'vendure', '--oms-url', 'shop:3000'])).toMatch(/must start with http/);
    expect(reason(['--oms', 'vendure', '--oms-url', 'not a url'])).toMatch(/is not an address/);
    expect(reason(['--oms', 'vendure', '--oms-url', 'http://x', '--stock-owner', 'both'])).toBe(
      '--stock-owner "both" must be oms or fillwave (who keeps the stock figures)',
    );
    expect(reason(['--oms', 'vendure', '--oms-url', 'http://x'], {})).toMatch(
      /needs credentials in the environment: FILLWAVE_OMS_USER and FILLWAVE_OMS_PASSWORD/,
    );
    expect(reason(['--oms-url', 'http://x'])).toMatch(/need --oms/);
  });
});
