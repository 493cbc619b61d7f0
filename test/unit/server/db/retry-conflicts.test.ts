import { describe, expect, it } from 'vitest';
import { retryConflicts } from '../../../../server/db/retry-conflicts';

const failing = (codes: string[]) => {
  let calls = 0;
  return {
    run: async () => {
      const code = codes[calls++];
      if (code) throw Object.assign(new Error(`sqlstate ${code}`), { code });
      return calls;
    },
    calls: () => calls,
  };
};

describe('retryConflicts', () => {
  it('runs a transaction PostgreSQL undid for a deadlock or a serialization failure again', async () => {
    const t = failing(['40P01', '40001']);
    await expect(retryConflicts(t.run)).resolves.toBe(3);
  });

  it('gives up after five tries, and never retries other errors', async () => {
    const always = failing(['40P01', '40P01', '40P01', '40P01', '40P01', '40P01']);
    await expect(retryConflicts(always.run)).rejects.toMatchObject({ code: '40P01' });
    expect(always.calls()).toBe(5);
    const other = failing(['23505']);
    await expect(retryConflicts(other.run)).rejects.toMatchObject({ code: '23505' });
    expect(other.calls()).toBe(1);
  });
});
