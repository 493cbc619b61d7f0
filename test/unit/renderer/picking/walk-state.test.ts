// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadWalk, saveWalk, type WalkState } from '../../../../renderer/picking/walk-state';

const KEY = 'fillwave.walk.T1';

describe('stored walk state', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    localStorage.clear();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  it('comes back as it was saved', () => {
    const state: WalkState = {
      skipped: ['k1', 'k2'],
      step: { step: 'count', taskId: 'k3', units: 2, label: { lot: 'L7', expiry: '2027-01-31' } },
    };
    saveWalk('T1', state);
    expect(loadWalk('T1')).toEqual(state);
    expect(loadWalk('T2')).toEqual({ skipped: [], step: null });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['not JSON', '{"skipped": ['],
    ['JSON null', 'null'],
    ['an array', '[1,2]'],
    ['skipped not a list', '{"skipped":"k1","step":null}'],
    ['a skipped id not text', '{"skipped":["k1",7],"step":null}'],
    ['a step of no known kind', '{"skipped":[],"step":{"step":"fly","taskId":"k1"}}'],
    ['a step without its task', '{"skipped":[],"step":{"step":"item"}}'],
    ['a count step without units', '{"skipped":[],"step":{"step":"count","taskId":"k1"}}'],
    [
      'a count of negative units',
      '{"skipped":[],"step":{"step":"count","taskId":"k1","units":-3,"label":{}}}',
    ],
    [
      'a label that is not text',
      '{"skipped":[],"step":{"step":"count","taskId":"k1","units":1,"label":{"lot":{"x":1}}}}',
    ],
  ])('drops a copy with %s, says so in the log, and starts afresh', (_, raw) => {
    localStorage.setItem(KEY, raw);
    expect(loadWalk('T1')).toEqual({ skipped: [], step: null });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /^Tour T1: the stored walk state is not readable and was dropped/,
    );
    // Dropped, so the next load is quiet.
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});
