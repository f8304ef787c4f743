import { histogramQuantileCheck } from '../../generator/promql/checks/histogram-quantile.ts';
import { rangeWindowCheck } from '../../generator/promql/checks/range-window.ts';
import { rateTypeCheck } from '../../generator/promql/checks/rate-type.ts';
import { syntaxCheck } from '../../generator/promql/checks/syntax.ts';
import { unknownLabelCheck } from '../../generator/promql/checks/unknown-label.ts';
import { unknownMetricCheck } from '../../generator/promql/checks/unknown-metric.ts';
import { queryTable } from './query-table.ts';

queryTable(syntaxCheck, [
  { name: 'a well-formed expression passes', expr: 'sum by (route) (rate(http_requests_total[5m]))', expect: [] },
  { name: 'an unclosed range is a syntax error', expr: 'rate(http_requests_total[5m', expect: ['syntax error'] },
  { name: 'a dangling operator is a syntax error', expr: 'queue_length >', expect: ['syntax error'] },
]);

queryTable(unknownMetricCheck, [
  { name: 'a catalogue counter is known', expr: 'http_requests_total', expect: [] },
  { name: "a histogram's _bucket, _sum and _count are known", expr: 'http_request_duration_seconds_sum / http_request_duration_seconds_count + on() group_left http_request_duration_seconds_bucket', expect: [] },
  { name: 'a recording rule of the project is known', expr: 'job_route:http_requests:rate5m > 1', expect: [] },
  { name: 'a misspelt metric is unknown', expr: 'rate(http_request_total[5m])', expect: ["unknown metric 'http_request_total'"] },
  { name: 'a histogram family name alone is not a series', expr: 'http_request_duration_seconds', expect: ["unknown metric 'http_request_duration_seconds'"] },
  { name: 'a selector by __name__ is resolved', expr: '{__name__="queue_length", queue="a"}', expect: [] },
  { name: 'a selector without a name is refused', expr: '{job="api"}', expect: ['without a metric name'] },
]);

queryTable(unknownLabelCheck, [
  { name: 'matchers on declared and target labels pass', expr: 'http_requests_total{route="/a", job="api", instance="x"}', expect: [] },
  { name: 'a matcher on an undeclared label is refused', expr: 'http_requests_total{status="500"}', expect: ["label 'status' is not on http_requests_total"] },
  { name: 'grouping by a label the input has passes', expr: 'sum by (route) (rate(http_requests_total[5m]))', expect: [] },
  { name: 'grouping by a label the input lacks is refused', expr: 'sum by (queue) (rate(http_requests_total[5m]))', expect: ["'sum by' names label 'queue'"] },
  { name: 'a label dropped by an inner aggregation is gone', expr: 'sum by (status_code) (sum by (route) (rate(http_requests_total[5m])))', expect: ["label 'status_code', which its input does not have (input labels: route)"] },
  { name: 'without checks its labels too', expr: 'sum without (shard) (queue_length)', expect: ["'sum without' names label 'shard'"] },
  { name: 'on() labels must be on both sides', expr: 'queue_length / on (route) http_requests_total', expect: ["'on' names label 'route'"] },
  { name: 'group_left labels come from the right side', expr: 'http_requests_total * on (job) group_left (queue) queue_length', expect: [] },
  { name: 'a recording rule keeps only its labels', expr: 'job_route:http_requests:rate5m{status_code="500"}', expect: ["label 'status_code' is not on job_route:http_requests:rate5m"] },
  { name: 'labels after histogram_quantile exclude le', expr: 'sum by (le) (histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))))', expect: ["'sum by' names label 'le'"] },
]);

queryTable(rateTypeCheck, [
  { name: 'rate over a counter passes', expr: 'rate(http_requests_total[5m])', expect: [] },
  { name: 'rate over histogram buckets passes', expr: 'rate(http_request_duration_seconds_bucket[5m])', expect: [] },
  { name: "increase over a summary's _count passes", expr: 'increase(rpc_duration_seconds_count[1h])', expect: [] },
  { name: 'rate over an untyped upstream metric is allowed', expr: 'rate(mysql_global_status_slow_queries[5m])', expect: [] },
  { name: 'rate over a gauge is refused', expr: 'rate(queue_length[5m])', expect: ['rate() over gauge queue_length'] },
  { name: 'irate over a gauge is refused', expr: 'irate(queue_length[5m])', expect: ['irate() over gauge'] },
  { name: 'rate over a recording rule is refused', expr: 'rate(job_route:http_requests:rate5m[5m])', expect: ['take the rate of the raw counter first'] },
  { name: 'deriv over a gauge is fine', expr: 'deriv(queue_length[5m])', expect: [] },
]);

queryTable(histogramQuantileCheck, [
  { name: 'a quantile over buckets keeping le passes', expr: 'histogram_quantile(0.95, sum by (le, route) (rate(http_request_duration_seconds_bucket[5m])))', expect: [] },
  { name: 'a quantile over a recording rule keeping le passes', expr: 'histogram_quantile(0.95, job_le:http_request_duration_seconds_bucket:rate5m)', expect: [] },
  { name: 'an aggregation dropping le is refused', expr: 'histogram_quantile(0.95, sum by (route) (rate(http_request_duration_seconds_bucket[5m])))', expect: ["input has no 'le' label"] },
  { name: 'a quantile over _sum is refused', expr: 'histogram_quantile(0.95, rate(http_request_duration_seconds_sum[5m]))', expect: ['needs the _bucket series', "no 'le' label"] },
  { name: 'without(le) drops le', expr: 'histogram_quantile(0.5, sum without (le) (rate(http_request_duration_seconds_bucket[5m])))', expect: ["no 'le' label"] },
]);

queryTable(rangeWindowCheck, [
  { name: 'a window of four scrape intervals passes', expr: 'rate(http_requests_total[1m])', expect: [] },
  { name: 'a window under four scrape intervals is refused', expr: 'rate(http_requests_total[30s])', expect: ['[30s] is shorter than 4 scrape intervals (60s at 15s scrapes)'] },
  { name: 'subquery ranges are checked too', expr: 'max_over_time(rate(http_requests_total[5m])[20s:10s])', expect: ['[20s] is shorter'] },
  { name: 'a compound duration is understood', expr: 'increase(http_requests_total[1h30m])', expect: [] },
]);
