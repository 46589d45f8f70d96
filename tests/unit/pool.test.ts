import { describe, expect, it } from 'vitest';
import { pool } from '../../commands/processes.ts';

describe('the process pool', () => {
  it('keeps at most `size` tasks running, and gives the results in the order of the items', async () => {
    let running = 0;
    let most = 0;
    const results = await pool([30, 10, 20, 5, 1], 2, async (ms) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40, 10, 2]);
    expect(most).toBe(2);
  });

  it('runs nothing for no items, and at least one at a time', async () => {
    expect(await pool([], 3, () => Promise.resolve(1))).toEqual([]);
    expect(await pool([1, 2], 0, (n) => Promise.resolve(n))).toEqual([1, 2]);
  });
});
