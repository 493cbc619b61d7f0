// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import { createWalkSlice, type WalkSlice } from '../../../../renderer/stores/walk-slice';

const fresh = () => create<WalkSlice>()((...a) => createWalkSlice(...a));

describe('the walk slice', () => {
  beforeEach(() => localStorage.clear());

  it('keeps each tour’s walk in the tab and in storage, and reads the stored copy back', () => {
    const store = fresh();
    expect(store.getState().walkOf('T1')).toEqual({ skipped: [], step: null });
    store.getState().setWalk('T1', { skipped: ['K1'], step: { step: 'item', taskId: 'K2' } });
    expect(store.getState().walks['T1']).toEqual({
      skipped: ['K1'],
      step: { step: 'item', taskId: 'K2' },
    });
    // A new tab (a reload) finds it in storage.
    expect(fresh().getState().walkOf('T1')).toEqual({
      skipped: ['K1'],
      step: { step: 'item', taskId: 'K2' },
    });
    expect(fresh().getState().walkOf('T2')).toEqual({ skipped: [], step: null });
  });

  it('starts afresh, with a line in the log, from a stored copy that does not fit', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    localStorage.setItem(
      'fillwave.walk.T1',
      '{"skipped":[],"step":{"step":"count","taskId":"K1"}}',
    );
    expect(fresh().getState().walkOf('T1')).toEqual({ skipped: [], step: null });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
