/**
 * Histogram bucket helpers, the same as the Prometheus client libraries offer, so bucket layouts
 * from existing code (such as Rust's `exponential_buckets(0.0005, 2.0, 20)`) carry over unchanged.
 * Bad arguments throw: a definition file that calls them wrongly fails to load, with this message.
 */

/** `count` buckets starting at `start`, each `factor` times the previous one. */
export function exponentialBuckets(start: number, factor: number, count: number): number[] {
  if (!(start > 0)) throw new RangeError(`exponentialBuckets: start must be > 0, got ${start}`);
  if (!(factor > 1)) throw new RangeError(`exponentialBuckets: factor must be > 1, got ${factor}`);
  requireCount('exponentialBuckets', count);
  return Array.from({ length: count }, (_, i) => roundBucket(start * factor ** i));
}

/** `count` buckets starting at `start`, each `width` above the previous one. */
export function linearBuckets(start: number, width: number, count: number): number[] {
  if (!Number.isFinite(start)) throw new RangeError(`linearBuckets: start must be finite, got ${start}`);
  if (!(width > 0)) throw new RangeError(`linearBuckets: width must be > 0, got ${width}`);
  requireCount('linearBuckets', count);
  return Array.from({ length: count }, (_, i) => roundBucket(start + width * i));
}

function requireCount(helper: string, count: number): void {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`${helper}: count must be a positive integer, got ${count}`);
  }
}

/** Floating point steps give 0.30000000000000004; bucket bounds are rendered, so keep them clean. */
function roundBucket(value: number): number {
  return Number(value.toPrecision(12));
}
