import { describe, expect, it } from 'vitest';
import { measureFloor } from '../../commands/bench/floor.ts';

// The floor's journeys run against the bundled mock: a journey that no longer works would time nothing.
describe('the benchmark’s floor', () => {
  it('runs journeys of each kind to their end', async () => {
    const result = await measureFloor([
      'features/strengthening-account-security/sign-in.feature#2',
      'features/strengthening-account-security/add-phone.feature#28',
      'features/sign-out-of-all-devices/sign-out-of-all-devices.feature#1',
    ]);
    expect(result.error).toBeUndefined();
    expect(result.scenarioMs).toHaveLength(3);
  }, 60_000);
});
