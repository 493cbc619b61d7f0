// Deadlock (40P01) or serialization failure (40001): two events locked the same rows in
// another order and PostgreSQL undid one. Nothing of it was kept, so it runs again.
const CONFLICT_TRIES = 5;
export const retryConflicts = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if ((code !== '40P01' && code !== '40001') || attempt >= CONFLICT_TRIES) throw error;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
};
