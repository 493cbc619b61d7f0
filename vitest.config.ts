import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { appDefines } from './vite.config.ts';

// One project per level of the test table in docs/architecture.md; npm test runs them in order.
export default defineConfig({
  define: appDefines,
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        // 20 s rather than vitest's 5 s: npm test must pass on a machine half as fast as ours,
        // loaded by other work; heavy property tests set their own, larger timeout.
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'jsdom',
          testTimeout: 20_000,
          setupFiles: ['test/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One Chromium at a time: two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
