/**
 * Exact expectations for promtool tests. promtool compares samples exactly, so a quantile is
 * computed here with the same floating point steps as Prometheus's histogram_quantile: the linear
 * interpolation inside the bucket that holds the rank.
 */
export function quantileWithin(q: number, lower: number, upper: number, bucketRate: number): number {
  const rank = q * bucketRate;
  return lower + (upper - lower) * (rank / bucketRate);
}

/** rate() of a counter growing by `perMinute` each minute, over a 5 m window of 1 m samples. */
export const ratePerSecond = (perMinute: number): number => (perMinute * 5) / 300;
