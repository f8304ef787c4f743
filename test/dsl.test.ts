import { describe, expect, it } from 'vitest';
import { counter, exponentialBuckets, gauge, labelOf, linearBuckets } from '../generator/index.ts';

describe('bucket helpers', () => {
  it.each([
    { name: 'exponential buckets double from the start', actual: () => exponentialBuckets(0.0005, 2, 4), expected: [0.0005, 0.001, 0.002, 0.004] },
    { name: 'exponential buckets have no floating point noise', actual: () => exponentialBuckets(0.1, 3, 3), expected: [0.1, 0.3, 0.9] },
    { name: 'linear buckets step by the width', actual: () => linearBuckets(0.1, 0.1, 3), expected: [0.1, 0.2, 0.3] },
  ])('$name', ({ actual, expected }) => expect(actual()).toEqual(expected));

  it.each([
    { name: 'an exponential start of zero is refused', call: () => exponentialBuckets(0, 2, 3), message: 'start must be > 0' },
    { name: 'an exponential factor of one is refused', call: () => exponentialBuckets(1, 1, 3), message: 'factor must be > 1' },
    { name: 'a zero bucket count is refused', call: () => linearBuckets(0, 1, 0), message: 'count must be a positive integer' },
    { name: 'a negative linear width is refused', call: () => linearBuckets(0, -1, 3), message: 'width must be > 0' },
  ])('$name', ({ call, message }) => expect(call).toThrow(message));
});

describe('metric definitions', () => {
  const requests = counter({ name: 'requests_total', help: 'Requests.', labels: { method: ['GET', 'POST'] } });

  it('keeps what was declared and defaults the rest', () => {
    expect(requests).toMatchObject({ kind: 'metric', type: 'counter', name: 'requests_total', labels: { method: ['GET', 'POST'] }, replaces: [] });
    expect(gauge({ name: 'g', help: 'h' }).labels).toEqual({});
  });

  it('is frozen, so a definition cannot be changed after validation', () => {
    expect(Object.isFrozen(requests)).toBe(true);
  });

  it('labelOf returns a label the metric has', () => {
    expect(labelOf(requests, 'method')).toBe('method');
  });

  it('labelOf refuses, at run time too, a label the metric lacks', () => {
    // @ts-expect-error: 'status' is not a label of requests, which is the point of this test.
    expect(() => labelOf(requests, 'status')).toThrow("metric requests_total has no label 'status'");
  });
});
