import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Password hashing is slow on purpose (scrypt); on a loaded 2-core CI machine 5 s is not enough.
    testTimeout: 30_000,
    projects: [
      // Pure and fast: no server, no browser, no child process.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // They start the mock, a browser or a child process.
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
    ],
  },
});
