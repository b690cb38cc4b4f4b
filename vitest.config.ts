import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    // Property tests and fake-indexeddb suites are CPU-bound: two workers match the 2-core CI machine.
    maxWorkers: 2,
    testTimeout: 20_000,
  },
});
