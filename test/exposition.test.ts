import { describe, expect, it } from 'vitest';
import { labelNamesOf, parseExposition } from '../generator/exposition/parse.ts';
import { compareMetric } from '../generator/exposition/compare.ts';

const TEXT = `# HELP http_requests_total Requests.
# TYPE http_requests_total counter
http_requests_total{method="GET",route="/a"} 3
http_requests_total{method="POST",route="/b"} 1 1700000000000
# HELP latency_seconds Latency.
# TYPE latency_seconds histogram
latency_seconds_bucket{route="/a",le="0.1"} 1
latency_seconds_bucket{route="/a",le="+Inf"} 2
latency_seconds_sum{route="/a"} 0.3
latency_seconds_count{route="/a"} 2
# TYPE q summary
q{quantile="0.5"} NaN
q_sum 0
q_count 0
escaped{v="a \\"quoted\\" \\\\ back\\nslash, {x}"} 1
`;

describe('exposition parser', () => {
  const families = parseExposition(TEXT);

  it('reads families with their types and help', () => {
    expect(families.get('http_requests_total')).toMatchObject({ type: 'counter', help: 'Requests.' });
    expect(families.get('latency_seconds')?.type).toBe('histogram');
  });

  it('puts _bucket, _sum and _count samples in their histogram family', () => {
    expect(families.get('latency_seconds')?.samples).toHaveLength(4);
    expect(families.has('latency_seconds_bucket')).toBe(false);
  });

  it('leaves le and quantile out of a family label names', () => {
    expect(labelNamesOf(families.get('latency_seconds')!)).toEqual(['route']);
    expect(labelNamesOf(families.get('q')!)).toEqual([]);
  });

  it('unescapes quotes, backslashes and newlines in label values', () => {
    expect(families.get('escaped')?.samples[0]?.labels.v).toBe('a "quoted" \\ back\nslash, {x}');
    expect(families.get('escaped')?.type).toBe('untyped');
  });

  it('reads special values, in any case, and ignores timestamps', () => {
    expect(families.get('q')?.samples[0]?.value).toBeNaN();
    expect(parseExposition('a Nan\nb +inf\nc -Inf\n').get('b')?.samples[0]?.value).toBe(Infinity);
    expect(() => parseExposition('a nope\n')).toThrow(/bad value/);
    expect(families.get('http_requests_total')?.samples[1]?.value).toBe(1);
  });

  it('refuses a malformed line with its line number', () => {
    expect(() => parseExposition('ok 1\nbad{x="1" 2\n')).toThrow(/line 2/);
  });
});

describe('comparing a family with its catalogue entry', () => {
  const expected = { name: 'node_filesystem_avail_bytes', type: 'gauge' as const, labels: [{ name: 'device' }, { name: 'device_error' }] };
  const family = (labels: Record<string, string>, emptyLabelsDropped?: boolean) => ({
    name: 'node_filesystem_avail_bytes',
    type: 'gauge' as const,
    help: '',
    samples: [{ name: 'node_filesystem_avail_bytes', labels, value: 1 }],
    ...(emptyLabelsDropped ? { emptyLabelsDropped } : {}),
  });

  it('reports a catalogued label a target does not expose', () => {
    expect(compareMetric(expected, family({ device: '/dev/vda' }))).toEqual([
      { metric: 'node_filesystem_avail_bytes', problem: 'catalogued labels [device, device_error], exposed [device]' },
    ]);
  });

  it('accepts it missing in Prometheus, which drops empty labels, but not an uncatalogued one there', () => {
    expect(compareMetric(expected, family({ device: '/dev/vda' }, true))).toEqual([]);
    expect(compareMetric(expected, family({ device: '/dev/vda', mode: 'ro' }, true))).toHaveLength(1);
  });
});
