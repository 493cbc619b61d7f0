import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../../server/config';

const defaults = { appDir: '/app', dataDir: '/data' };

describe('parseServerArgs', () => {
  it('listens on loopback at the fixed default port, on the embedded store in the data folder, unless told otherwise', () => {
    expect(parseServerArgs([], {}, defaults)).toEqual({
      ok: true,
      value: {
        port: 4780,
        host: '127.0.0.1',
        appDir: '/app',
        dataDir: '/data',
        databaseUrl: null,
        demoLines: null,
        faults: null,
        log: false,
        adminToken: null,
        tls: null,
        publicNames: [],
      },
    });
  });

  it('takes --port over PORT, in both spellings', () => {
    expect(parseServerArgs(['--port', '0'], { PORT: '9000' }, defaults)).toMatchObject({
      value: { port: 0 },
    });
    expect(parseServerArgs(['--port=5000'], {}, defaults)).toMatchObject({ value: { port: 5000 } });
    expect(parseServerArgs([], { PORT: '9000' }, defaults)).toMatchObject({
      value: { port: 9000 },
    });
  });

  it('takes the data folder, PostgreSQL, the demo size and faults', () => {
    const parsed = parseServerArgs(
      ['--data', '/tmp/fw', '--demo', '500'],
      {
        DATABASE_URL: 'postgres://x@h/db',
        FILLWAVE_FAULTS: '{"dropRate":0.1}',
      },
      defaults,
    );
    expect(parsed).toMatchObject({
      value: {
        dataDir: '/tmp/fw',
        demoLines: 500,
        databaseUrl: 'postgres://x@h/db',
        faults: { dropRate: 0.1, errorRate: 0, seed: 1 },
      },
    });
  });

  it('takes the admin token from the environment, refusing a short one, and HTTPS only with a cert and a key', () => {
    expect(parseServerArgs([], { FILLWAVE_ADMIN_TOKEN: 'x'.repeat(32) }, defaults)).toMatchObject({
      value: { adminToken: 'x'.repeat(32) },
    });
    expect(parseServerArgs([], { FILLWAVE_ADMIN_TOKEN: 'short' }, defaults)).toMatchObject({
      reason: /FILLWAVE_ADMIN_TOKEN is too short/,
    });
    expect(
      parseServerArgs(['--tls-cert', 'c.pem', '--tls-key', 'k.pem'], {}, defaults),
    ).toMatchObject({ value: { tls: { certFile: 'c.pem', keyFile: 'k.pem' } } });
    expect(parseServerArgs(['--tls-cert', 'c.pem'], {}, defaults)).toMatchObject({
      reason: 'HTTPS needs both --tls-cert and --tls-key',
    });
  });

  it('refuses a bad port, an unknown flag, a missing value, a bad demo size and bad faults, saying which', () => {
    expect(parseServerArgs(['--port', 'abc'], {}, defaults)).toEqual({
      ok: false,
      reason: 'port "abc" is not a port number (0 to 65535; 0 picks a free one)',
    });
    expect(parseServerArgs(['--port', '70000'], {}, defaults).ok).toBe(false);
    expect(parseServerArgs(['--verbose'], {}, defaults)).toMatchObject({
      reason: /unknown argument "--verbose"/,
    });
    expect(parseServerArgs(['--port'], {}, defaults)).toMatchObject({
      reason: /--port needs a value/,
    });
    expect(parseServerArgs(['--demo', 'lots'], {}, defaults)).toMatchObject({
      reason: /--demo "lots" must be a number/,
    });
    expect(parseServerArgs([], { FILLWAVE_FAULTS: '{"dropRate":2}' }, defaults)).toMatchObject({
      reason: /FILLWAVE_FAULTS: dropRate/,
    });
  });

  it('takes --public-name, repeated, over FILLWAVE_PUBLIC_NAME, and refuses what is no hostname', () => {
    expect(
      parseServerArgs(['--public-name', 'Fillwave.LAN', '--public-name=10.0.0.5'], {}, defaults),
    ).toMatchObject({ value: { publicNames: ['fillwave.lan', '10.0.0.5'] } });
    expect(parseServerArgs([], { FILLWAVE_PUBLIC_NAME: 'a.lan, b.lan' }, defaults)).toMatchObject({
      value: { publicNames: ['a.lan', 'b.lan'] },
    });
    const bad = parseServerArgs(['--public-name', 'http://x/'], {}, defaults);
    expect(bad).toEqual({
      ok: false,
      reason: expect.stringMatching(/"http:\/\/x\/" is not a hostname/),
    });
  });

  it('refuses a host beyond loopback that knows no name for itself, with the fix', () => {
    const refused = parseServerArgs(['--host', '0.0.0.0'], {}, defaults);
    expect(refused).toEqual({
      ok: false,
      reason: expect.stringContaining('add --public-name NAME'),
    });
    expect(
      parseServerArgs(['--host', '0.0.0.0', '--public-name', 'fillwave.lan'], {}, defaults),
    ).toMatchObject({ ok: true, value: { host: '0.0.0.0', publicNames: ['fillwave.lan'] } });
    expect(
      parseServerArgs(
        ['--host', '0.0.0.0', '--tls-cert', 'c.pem', '--tls-key', 'k.pem'],
        {},
        defaults,
      ),
    ).toMatchObject({ ok: true });
    expect(parseServerArgs(['--host', '::1'], {}, defaults)).toMatchObject({ ok: true });
  });

  it("takes the warehouse's time zone by its IANA name, over FILLWAVE_TIME_ZONE, and refuses an unknown one", () => {
    expect(parseServerArgs(['--time-zone', 'america/new_york'], {}, defaults)).toMatchObject({
      value: { timeZone: 'America/New_York' },
    });
    expect(
      parseServerArgs(['--time-zone=Asia/Tokyo'], { FILLWAVE_TIME_ZONE: 'UTC' }, defaults),
    ).toMatchObject({ value: { timeZone: 'Asia/Tokyo' } });
    expect(parseServerArgs([], { FILLWAVE_TIME_ZONE: 'Europe/Berlin' }, defaults)).toMatchObject({
      value: { timeZone: 'Europe/Berlin' },
    });
    expect(parseServerArgs(['--time-zone', 'Mars/Olympus_Mons'], {}, defaults)).toEqual({
      ok: false,
      reason:
        '--time-zone: "Mars/Olympus_Mons" is not a time zone name this server knows: use an IANA name such as America/New_York, Europe/Berlin, Asia/Tokyo or UTC',
    });
  });
});
