import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fetchFailureReason,
  findElectron,
  type ElectronProbe,
} from '../../../scripts/electron-binary';
import { fail, ok } from '../../../shared/result';

const dir = '/nm/electron';
const probe = (
  files: Record<string, string>,
  fetchResult = fail<void>('fetch failed'),
  onFetch?: () => void,
): ElectronProbe => ({
  exists: (f) => f in files,
  read: (f) => files[f]!,
  fetch: () => {
    onFetch?.();
    return fetchResult;
  },
});

describe('findElectron', () => {
  it('uses the binary already fetched', () => {
    const found = findElectron(
      dir,
      {},
      probe({ [path.join(dir, 'path.txt')]: 'electron', [path.join(dir, 'dist/electron')]: '' }),
    );
    expect(found).toEqual(ok(path.join(dir, 'dist/electron')));
  });

  it('says in one line why it cannot start when the fetch fails', () => {
    expect(findElectron(dir, {}, probe({}))).toEqual(
      fail("Electron's binary could not be fetched (fetch failed)"),
    );
  });

  it('fetches once when missing and then uses it', () => {
    const files: Record<string, string> = {};
    const found = findElectron(
      dir,
      {},
      probe(files, ok(undefined), () => {
        files[path.join(dir, 'path.txt')] = 'electron';
        files[path.join(dir, 'dist/electron')] = '';
      }),
    );
    expect(found).toEqual(ok(path.join(dir, 'dist/electron')));
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH and never fetches for it', () => {
    let fetched = false;
    const found = findElectron(
      dir,
      { ELECTRON_OVERRIDE_DIST_PATH: '/opt/e' },
      probe({}, ok(undefined), () => (fetched = true)),
    );
    expect(found).toEqual(
      fail('there is no Electron binary at /opt/e/electron (ELECTRON_OVERRIDE_DIST_PATH)'),
    );
    expect(fetched).toBe(false);
  });
});

describe('fetchFailureReason', () => {
  it('keeps the error line, not the stack', () => {
    const out =
      'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13\n    at async x';
    expect(fetchFailureReason(out)).toBe('fetch failed');
  });
});
