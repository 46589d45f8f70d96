/** The middle of the samples (the mean of the two middle ones for an even count). */
export function median(samples: number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(samples: number[]): Spread {
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples) };
}

export interface LinearFit {
  /** Cost at zero scenarios: the fixed start-up. */
  intercept: number;
  /** Cost of each further scenario. */
  slope: number;
}

/** Least squares through (scenarios, seconds); null when fewer than two distinct sizes were measured. */
export function linearFit(points: { x: number; y: number }[]): LinearFit | null {
  if (new Set(points.map((p) => p.x)).size < 2) return null;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  const sxy = points.reduce((sum, p) => sum + (p.x - meanX) * (p.y - meanY), 0);
  const sxx = points.reduce((sum, p) => sum + (p.x - meanX) ** 2, 0);
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}
