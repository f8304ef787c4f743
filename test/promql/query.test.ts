import { describe, expect, it } from 'vitest';
import { bucketOf, countOf, counter, defineDomain, histogram, promql, recordingRule, sumOf, upstream } from '../../generator/index.ts';
import { queryText } from '../helpers/query.ts';
import { app } from '../helpers/app-domain.ts';

const node = defineDomain({
  name: 'node',
  title: 'Node',
  description: '',
  owner: upstream('node_exporter', '1.5.0', 'docs'),
  metrics: { load1: counter({ name: 'node_cpu_seconds_total', help: 'h' }) },
});

describe('typed PromQL', () => {
  it('names application metrics with the namespace and upstream ones as they are', () => {
    expect(queryText(promql`rate(${app.metrics.requests}[5m]) + ${node.metrics.load1}`, 'shop')).toBe('rate(shop_requests_total[5m]) + node_cpu_seconds_total');
  });

  it('names the _bucket, _sum and _count series of a histogram', () => {
    expect(queryText(promql`${bucketOf(app.metrics.latency)} ${sumOf(app.metrics.latency)} ${countOf(app.metrics.latency)}`, 'x')).toBe(
      'x_latency_seconds_bucket x_latency_seconds_sum x_latency_seconds_count',
    );
  });

  it('names recording rules with the namespace in their metric part', () => {
    const rule = recordingRule({ record: 'job:requests:rate5m', expr: promql`sum by (job) (rate(${app.metrics.requests}[5m]))`, tests: [] });
    expect(queryText(promql`${rule} > 1`, 'shop')).toBe('job:shop_requests:rate5m > 1');
  });

  it('writes numbers as an SRE would', () => {
    expect(queryText(promql`x > ${0.1 + 0.2} and y > ${536870912} and z < ${1e-3}`, 'a')).toBe('x > 0.3 and y > 536870912 and z < 0.001');
  });

  it('nests queries and removes the indentation of multi-line templates', () => {
    const inner = promql`rate(${app.metrics.requests}[5m])`;
    const query = promql`
      sum by (job) (${inner})
      /
      sum by (job) (${inner})
    `;
    expect(queryText(query, 'a')).toBe('sum by (job) (rate(a_requests_total[5m]))\n/\nsum by (job) (rate(a_requests_total[5m]))');
  });
});
