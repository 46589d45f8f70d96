import { defineConfig } from 'vitest/config';

/** Pure and fast: no server, no browser, no child process. Stryker runs these alone (vitest.mutation.config.ts). */
export const UNIT_TESTS = {
  name: 'unit',
  include: ['tests/unit/**/*.test.ts'],
  // Password hashing is slow on purpose (scrypt); on a loaded 2-core CI machine 5 s is not enough.
  testTimeout: 30_000,
};

export default defineConfig({
  test: {
    testTimeout: UNIT_TESTS.testTimeout,
    projects: [
      { extends: true, test: UNIT_TESTS },
      // They start the mock, a browser or a child process.
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
    ],
  },
});
