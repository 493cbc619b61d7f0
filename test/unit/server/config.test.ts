import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../../server/config';

const defaults = { appDir: '/app' };

describe('parseServerArgs', () => {
  it('listens on loopback at the fixed default port unless told otherwise', () => {
    expect(parseServerArgs([], {}, defaults)).toEqual({
      ok: true,
      value: { port: 4780, host: '127.0.0.1', appDir: '/app' },
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

  it('refuses a bad port, an unknown flag and a missing value, saying which', () => {
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
  });
});
