import { histogramQuantileCheck } from '../../generator/promql/checks/histogram-quantile.ts';
import { labelValueCheck } from '../../generator/promql/checks/label-value.ts';
import { quantileRangeCheck } from '../../generator/promql/checks/quantile-range.ts';
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
  { name: 'rate over a gauge is refused', expr: 'rate(queue_length[5m])', expect: ['rate() over gauge queue_length in rate(queue_length[5m])'] },
  { name: 'irate over a gauge is refused', expr: 'irate(queue_length[5m])', expect: ['irate() over gauge'] },
  { name: "increase over a summary's quantiles is refused", expr: 'increase(rpc_duration_seconds[5m])', expect: ['increase() over summary rpc_duration_seconds'] },
  { name: 'rate over a gauge moved by offset is refused', expr: 'rate(queue_length[5m] offset 1h)', expect: ['rate() over gauge queue_length in rate(queue_length[5m] offset 1h)'] },
  { name: 'rate over a gauge pinned with @ is refused', expr: 'rate(queue_length[5m] @ 1700000000)', expect: ['rate() over gauge queue_length'] },
  { name: 'rate over a gauge in parentheses is refused', expr: 'rate((queue_length[5m]))', expect: ['rate() over gauge queue_length'] },
  { name: 'rate over a subquery of a gauge is refused', expr: 'rate(queue_length[5m:1m])', expect: ['rate() over gauge queue_length'] },
  { name: 'rate over a subquery of a parenthesised, offset gauge is refused', expr: 'increase((queue_length offset 5m)[10m:1m])', expect: ['increase() over gauge queue_length'] },
  { name: 'rate over a subquery of a counter passes', expr: 'rate(http_requests_total[5m:1m])', expect: [] },
  { name: 'a function over a subquery of a rate passes', expr: 'max_over_time(rate(http_requests_total[5m])[1h:])', expect: [] },
  { name: 'rate over a subquery of a rate is refused', expr: 'rate(rate(http_requests_total[5m])[1h:1m])', expect: ['rate() over computed values'] },
  { name: 'rate over a subquery of a sum of counters is refused', expr: 'rate(sum by (route) (http_requests_total)[10m:1m])', expect: ['rate() over an aggregation of counters'] },
  { name: 'rate over a recording rule of a rate is refused', expr: 'rate(job_route:http_requests:rate5m[5m])', expect: ['the rule records a level'] },
  { name: 'rate over a subquery of a recording rule of a rate is refused', expr: 'rate((job_route:http_requests:rate5m)[10m:1m])', expect: ['rate() over recording rule job_route:http_requests:rate5m'] },
  { name: 'rate over a recording rule of summed counters is refused', expr: 'rate(job:http_requests:sum[5m])', expect: ['take the rate of the raw counter first'] },
  { name: 'rate over a relabelled gauge in a subquery is refused', expr: 'rate(label_replace(queue_length, "q", "$1", "queue", "(.*)")[5m:1m])', expect: ['rate() over gauge queue_length'] },
  { name: 'resets over a counter passes', expr: 'resets(http_requests_total[1h])', expect: [] },
  { name: 'resets over a gauge is refused: changes() counts its moves', expr: 'resets(queue_length[1h])', expect: ['resets() over gauge queue_length in resets(queue_length[1h]): resets only makes sense for counters; use changes() for a gauge'] },
  { name: 'changes over a gauge passes', expr: 'changes(queue_length[1h])', expect: [] },
  { name: 'deriv over a gauge is fine', expr: 'deriv(queue_length[5m])', expect: [] },
  { name: 'deriv over a recording rule of a rate is fine', expr: 'deriv(job_route:http_requests:rate5m[10m])', expect: [] },
  { name: 'deriv over a counter is refused', expr: 'deriv(http_requests_total[5m])', expect: ['deriv() over counter http_requests_total'] },
  { name: 'delta over a counter is refused', expr: 'delta(http_requests_total[5m] offset 1h)', expect: ['delta() over counter http_requests_total'] },
  { name: 'idelta over histogram buckets is refused', expr: 'idelta(http_request_duration_seconds_bucket[5m])', expect: ['idelta() over histogram http_request_duration_seconds_bucket'] },
  { name: 'predict_linear over a counter in a subquery is refused', expr: 'predict_linear(http_requests_total[1h:1m], 3600)', expect: ['predict_linear() over counter'] },
  { name: 'delta over a recording rule of summed counters is refused', expr: 'delta(job:http_requests:sum[5m])', expect: ['delta() over recording rule job:http_requests:sum, which records counters'] },
  { name: 'double_exponential_smoothing over a counter is refused', expr: 'double_exponential_smoothing(http_requests_total[10m], 0.5, 0.5)', expect: ['double_exponential_smoothing() over counter'] },
  { name: 'rate over a gauge pinned to the end of the range is refused', expr: 'rate(queue_length[5m] @ end())', expect: ['rate() over gauge queue_length'] },
  { name: 'rate over a negated counter is refused', expr: 'rate((-http_requests_total)[5m:1m])', expect: ['rate() over computed values'] },
  { name: 'rate over a subquery of a filtered counter passes', expr: 'rate((http_requests_total > 0)[5m:1m])', expect: [] },
  { name: 'delta over an untyped upstream metric is allowed', expr: 'delta(mysql_global_status_slow_queries[5m])', expect: [] },
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
  { name: 'a window under four scrape intervals is refused', expr: 'rate(http_requests_total[30s])', expect: ['range window [30s] over http_requests_total is shorter than 4 scrape intervals (60s: http_requests_total is scraped every 15s); widen it to at least 60s'] },
  { name: 'subquery ranges are checked too', expr: 'max_over_time(rate(http_requests_total[5m])[20s:10s])', expect: ['subquery range [20s:10s] over rate(http_requests_total[5m]) is shorter than 4 scrape intervals'] },
  { name: 'a compound duration is understood', expr: 'increase(http_requests_total[1h30m])', expect: [] },
  { name: 'a window is measured against the slower scrape of its own job', expr: 'rate(batch_runs_total[2m])', expect: ['[2m] over batch_runs_total is shorter than 4 scrape intervals (240s: batch_runs_total is scraped every 60s)'] },
  { name: 'a window of four of its job\'s scrapes passes', expr: 'rate(batch_runs_total[4m])', expect: [] },
  { name: 'a window moved by offset is still measured', expr: 'rate(batch_runs_total[1m] offset 1h)', expect: ['[1m] over batch_runs_total is shorter than 4 scrape intervals'] },
  { name: 'a window over a recording rule is measured against its evaluation interval', expr: 'avg_over_time(job_route:http_requests:rate5m[1m])', expect: ['[1m] over job_route:http_requests:rate5m is shorter than 4 evaluations (120s: recording rule job_route:http_requests:rate5m is evaluated every 30s)'] },
  { name: 'a window of four evaluations of a rule passes', expr: 'avg_over_time(job_route:http_requests:rate5m[2m])', expect: [] },
  { name: "a rule's window counts evaluations, not the scrapes the rule reads", expr: 'avg_over_time(job:batch_runs:rate5m[2m])', expect: [] },
  { name: 'a subquery range of fewer than four steps is refused', expr: 'max_over_time(rate(http_requests_total[5m])[3m:1m])', expect: ['subquery range [3m:1m] over rate(http_requests_total[5m]) is shorter than 4 steps (240s: a step of 60s)'] },
  { name: 'a subquery without a step is measured in evaluation intervals', expr: 'max_over_time(rate(http_requests_total[5m])[90s:])', expect: ['[90s:] over rate(http_requests_total[5m]) is shorter than 4 steps (120s: no step given: the evaluation interval, 30s)'] },
  { name: 'a subquery without a step over four evaluation intervals passes', expr: 'max_over_time(rate(http_requests_total[5m])[2m:])', expect: [] },
  { name: 'a subquery finer than its scrapes is measured in scrapes', expr: 'max_over_time(rate(batch_runs_total[5m])[2m:10s])', expect: ['[2m:10s] over rate(batch_runs_total[5m]) is shorter than 4 scrape intervals (240s: batch_runs_total is scraped every 60s)'] },
]);

queryTable(quantileRangeCheck, [
  { name: 'a quantile between 0 and 1 passes', expr: 'histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))', expect: [] },
  { name: 'the bounds 0 and 1 pass', expr: 'quantile(0, queue_length) + quantile(1, queue_length)', expect: [] },
  { name: 'a percentile written as a percentage is refused', expr: 'histogram_quantile(95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))', expect: ['histogram_quantile() with φ 95'] },
  { name: 'the hint names the fraction of a percentage', expr: 'histogram_quantile(99, job_le:http_request_duration_seconds_bucket:rate5m)', expect: ['(0.99 for the 99th percentile)'] },
  { name: 'the hint reads as English', expr: 'quantile(2, queue_length) + quantile(33, queue_length)', expect: ['(0.02 for the 2nd percentile)', '(0.33 for the 33rd percentile)'] },
  { name: 'a negative quantile is refused', expr: 'histogram_quantile(-0.5, job_le:http_request_duration_seconds_bucket:rate5m)', expect: ['φ -0.5'] },
  { name: 'a quantile just over 1 is refused', expr: 'histogram_quantile(1.01, job_le:http_request_duration_seconds_bucket:rate5m)', expect: ['must be between 0 and 1'] },
  { name: 'a quantile in parentheses is still read', expr: 'histogram_quantile((1.5), job_le:http_request_duration_seconds_bucket:rate5m)', expect: ['φ (1.5)'] },
  { name: 'quantile_over_time is checked too', expr: 'quantile_over_time(50, queue_length[5m])', expect: ['quantile_over_time() with φ 50'] },
  { name: 'the quantile aggregation is checked too', expr: 'quantile(-1, queue_length)', expect: ['quantile() with φ -1'] },
  { name: 'Inf is not a quantile', expr: 'quantile(Inf, queue_length)', expect: ['φ Inf'] },
  { name: 'arithmetic on literals is worked out and may pass', expr: 'histogram_quantile(95 / 100, job_le:http_request_duration_seconds_bucket:rate5m)', expect: [] },
  { name: 'arithmetic on literals is worked out and may be refused', expr: 'histogram_quantile(0.9 * 100, job_le:http_request_duration_seconds_bucket:rate5m)', expect: ['φ 0.9 * 100 in histogram_quantile(0.9 * 100, job_le:http_request_duration_seconds_bucket:rate5m): φ must be between 0 and 1 (0.9 for the 90th percentile)'] },
  { name: 'a φ computed by the server cannot be judged and passes', expr: 'histogram_quantile(scalar(queue_length), job_le:http_request_duration_seconds_bucket:rate5m)', expect: [] },
]);

queryTable(labelValueCheck, [
  { name: 'a declared value passes', expr: 'http_requests_total{status_code="500", method="GET"}', expect: [] },
  { name: 'an undeclared value is refused', expr: 'http_requests_total{status_code="600"}', expect: ['status_code="600" in http_requests_total{status_code="600"} matches nothing'] },
  { name: 'an undeclared method is refused', expr: 'sum(rate(http_requests_total{method="FETCH"}[5m]))', expect: ['method="FETCH"'] },
  { name: 'a value differing only in case is refused', expr: 'http_requests_total{method="get"}', expect: ['method="get"'] },
  { name: 'a regex matching some declared value passes', expr: 'http_requests_total{status_code=~"5.."}', expect: [] },
  { name: 'a regex matching no declared value is refused', expr: 'http_requests_total{status_code=~"9.."}', expect: ['status_code=~"9.." in http_requests_total{status_code=~"9.."} matches nothing'] },
  { name: 'a regex is anchored at both ends, as Prometheus does', expr: 'http_requests_total{status_code=~"50"}', expect: ['matches nothing'] },
  { name: 'an alternative matching no declared value is refused', expr: 'http_requests_total{method=~"GET|FETCH"}', expect: ["the alternative 'FETCH' matches no declared value"] },
  { name: 'a case-insensitive regex is read as one', expr: 'http_requests_total{method=~"(?i)get"}', expect: [] },
  { name: 'a negative matcher on an undeclared value is refused: it excludes nothing', expr: 'http_requests_total{method!="FETCH"}', expect: ['method!="FETCH" in http_requests_total{method!="FETCH"} excludes nothing'] },
  { name: 'a negative regex excluding nothing is refused', expr: 'http_requests_total{status_code!~"6.."}', expect: ['excludes nothing'] },
  { name: 'a negative regex excluding every value is refused', expr: 'http_requests_total{status_code!~"[2-5].."}', expect: ['it excludes every declared value'] },
  { name: 'a negative matcher on a declared value passes', expr: 'http_requests_total{status_code!="200"}', expect: [] },
  { name: 'a presence test on a declared label passes', expr: 'http_requests_total{route!=""}', expect: [] },
  { name: 'an empty value matches nothing on a declared label', expr: 'http_requests_total{route=""}', expect: ['route="" in'] },
  { name: 'a bounded label is not judged', expr: 'queue_length{queue="anything"}', expect: [] },
  { name: 'target labels are not judged', expr: 'http_requests_total{job="any", instance="x:1"}', expect: [] },
  { name: 'a bucket boundary the histogram declares passes, in either spelling', expr: 'http_request_duration_seconds_bucket{le="0.5"} + ignoring(le) http_request_duration_seconds_bucket{le="1.0"} + ignoring(le) http_request_duration_seconds_bucket{le="+Inf"}', expect: [] },
  { name: 'a bucket boundary the histogram does not declare is refused', expr: 'http_request_duration_seconds_bucket{le="0.25"}', expect: ['le="0.25"'] },
  { name: 'a summary quantile it does not compute is refused', expr: 'rpc_duration_seconds{quantile="0.99"}', expect: ['quantile="0.99"'] },
  { name: 'a label value a recording rule keeps from the catalogue is judged', expr: 'job_route:http_requests:rate5m{route="/c"}', expect: ["route=\"/c\" in job_route:http_requests:rate5m{route=\"/c\"} matches nothing"] },
  { name: 'a declared value on a recording rule passes', expr: 'job_route:http_requests:rate5m{route="/a"}', expect: [] },
  { name: 'a substituted dashboard variable is not judged', expr: 'http_requests_total{route=".*"}', expect: [] },
]);
