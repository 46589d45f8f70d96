// The unit project alone, for Stryker (stryker.config.mjs): the integration tests start browsers and servers, and
// must not run once per mutant. The unit project's settings stay in vitest.config.ts.
import { defineConfig } from 'vitest/config';
import { UNIT_TESTS } from './vitest.config.ts';

export default defineConfig({ test: UNIT_TESTS });
