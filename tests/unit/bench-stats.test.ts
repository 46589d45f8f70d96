import { describe, expect, it } from 'vitest';
import { linearFit, median, spread } from '../../commands/bench/stats.ts';

describe('the benchmark’s statistics', () => {
  it('takes the middle sample, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
  });

  it('splits wall time into a fixed start-up and a cost per scenario', () => {
    expect(
      linearFit([
        { x: 1, y: 6 },
        { x: 34, y: 72 },
        { x: 68, y: 140 },
      ]),
    ).toEqual({ intercept: 4, slope: 2 });
  });

  it('fits nothing from a single size of run', () => {
    expect(
      linearFit([
        { x: 1, y: 6 },
        { x: 1, y: 7 },
      ]),
    ).toBeNull();
  });
});
