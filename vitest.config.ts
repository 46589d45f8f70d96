import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Password hashing is slow on purpose (scrypt); on a loaded 2-core CI machine 5 s is not enough.
    testTimeout: 30_000,
  },
});
