import { bucketOf, evaluates, fires, input, pending, promql, recordingRule, silent, type AlertDef } from '../../generator/index.ts';
import { alertConditionCheck } from '../../generator/validate/checks/alert-condition.ts';
import { alertLabelsCheck } from '../../generator/validate/checks/alert-labels.ts';
import { alertThresholdsCheck } from '../../generator/validate/checks/alert-thresholds.ts';
import { ruleTestTimingCheck } from '../../generator/validate/checks/rule-test-timing.ts';
import { rulesTable, shop, validAlert } from '../helpers/rules-table.ts';

const target = { job: 'shop', instance: 'shop:80' };
const orders = (values: string) => input(shop.metrics.orders, { ...target, status: 'ok' }, values);
const open = (values: string) => input(shop.metrics.basket, { ...target, region: 'eu' }, values);
const fill = (values: string) => input(shop.metrics.fill, target, values);
const expected = [{ labels: { ...target, region: 'eu' }, summary: 's', description: 'd' }];

/** An alert on the order rate (which has no value before the second sample), tested at the given times. */
const orderAlert = (times: { fires: string; pending: string }, overrides: Partial<AlertDef> = {}) =>
  validAlert({
    expr: promql`rate(${shop.metrics.orders}[5m]) > 0.5`,
    summary: 's',
    description: 'd',
    tests: [
      fires('one order a second', { at: times.fires, series: [orders('0+60x30')], alerts: [{ labels: { ...target, status: 'ok' }, summary: 's', description: 'd' }] }),
      silent('no orders', { at: '10m', series: [orders('0x30')] }),
      pending('ordering for a short while', { at: times.pending, series: [orders('0+60x30')] }),
    ],
    ...overrides,
  });
const orderRate = recordingRule({
  record: 'job:orders:rate5m',
  expr: promql`sum by (job) (rate(${shop.metrics.orders}[5m]))`,
  tests: [evaluates('sums', { at: '10m', series: [orders('0+60x20')], samples: [{ labels: { job: 'shop' }, value: 1 }] })],
});
const withTests = (...tests: AlertDef['tests']) => validAlert({ tests: [...validAlert().tests.filter((t) => !tests.some((n) => n.kind === t.kind)), ...tests] });

rulesTable(ruleTestTimingCheck, [
  { name: 'tests evaluated when the alert can fire or be pending pass', alerts: [validAlert(), orderAlert({ fires: '6m', pending: '1m' })], expect: [] },
  {
    name: 'a firing test evaluated before the for has elapsed is refused',
    alerts: [withTests(fires('too early', { at: '3m', series: [open('150x20')], alerts: expected }))],
    expect: ["test 'too early' (fires, at 3m) can never fire: it must hold for 5m first, so the earliest it fires is 5m"],
  },
  {
    name: 'a firing test of a rate alert evaluated at exactly the for is refused: the rate needs two samples',
    alerts: [orderAlert({ fires: '5m', pending: '2m' })],
    expect: ['can never fire: the expression has no value before 1m (it needs two samples) and must then hold for 5m, so the earliest it fires is 6m'],
  },
  {
    name: 'a rate read through a recording rule delays the first firing too',
    alerts: [orderAlert({ fires: '5m', pending: '2m' }, { expr: promql`${orderRate} > 0.5` })],
    recording: [orderRate],
    expect: ['the earliest it fires is 6m'],
  },
  {
    name: 'a pending test of an alert without a for is refused',
    alerts: [validAlert({ for: '0s' })],
    expect: ["test 'not long enough' (pending, at 3m): an alert without a for fires at once and is never pending"],
  },
  {
    name: 'a pending test before a rate has any value tests nothing and is refused',
    alerts: [orderAlert({ fires: '6m', pending: '0m' })],
    expect: ["test 'ordering for a short while' (pending, at 0m) tests nothing: the expression has no value before 1m"],
  },
  {
    name: 'a pending test on the firing input evaluated after it fires is refused',
    alerts: [withTests(pending('copied', { at: '12m', series: [open('150x20')] }))],
    expect: ["test 'copied' (pending, at 12m) reads the same series as the firing test 'many baskets' (at 10m), so at 12m the alert is already firing"],
  },
  {
    name: 'a pending test at or after the for passes when the condition starts later',
    alerts: [withTests(pending('rising late', { at: '8m', series: [open('50x5 150x15')] }))],
    expect: [],
  },
  {
    name: 'a test whose series end before its evaluation is refused',
    alerts: [withTests(fires('late', { at: '30m', series: [open('150x20')], alerts: expected }))],
    expect: ["test 'late' (fires, at 30m): its input series end at 20m, before the evaluation at 30m"],
  },
  {
    name: 'a silent test on series that ended is refused: it would be silent for want of data',
    alerts: [withTests(silent('after the data', { at: '10m', series: [open('50x5')] }))],
    expect: ["test 'after the data' (silent, at 10m): its input series end at 5m"],
  },
  {
    name: 'series values promtool cannot read are refused',
    alerts: [withTests(silent('typo', { at: '10m', series: [open('50 x20')] }))],
    expect: ["'x20' is not promtool's series notation"],
  },
  {
    name: 'an absence alert may be tested with series that stop',
    alerts: [
      validAlert({
        expr: promql`absent(${shop.metrics.basket})`,
        summary: 's',
        description: 'd',
        tests: [
          fires('gone', { at: '10m', series: [open('1x3')], alerts: [{ labels: {}, summary: 's', description: 'd' }] }),
          silent('there', { at: '10m', series: [open('1x20')] }),
          pending('just gone', { at: '2m', series: [fill('1x20')] }),
        ],
      }),
    ],
    expect: [],
  },
  {
    name: 'a recording rule test on series that end before it is refused',
    recording: [{ ...orderRate, tests: [evaluates('late', { at: '30m', series: [orders('0+60x20')], samples: [] })] }],
    expect: ["recording rule job:orders:rate5m: test 'late' (at 30m): its input series end at 20m"],
  },
]);

rulesTable(alertConditionCheck, [
  { name: 'a comparison passes', alerts: [validAlert()], expect: [] },
  { name: 'absent() passes', alerts: [validAlert({ expr: promql`absent(${shop.metrics.basket})` })], expect: [] },
  { name: 'a filter with unless passes', alerts: [validAlert({ expr: promql`${shop.metrics.basket} unless ${shop.metrics.basket} offset 1h` })], expect: [] },
  { name: 'an aggregation of a comparison passes', alerts: [validAlert({ expr: promql`count by (job) (${shop.metrics.basket} > 100)` })], expect: [] },
  { name: 'arithmetic on a comparison passes', alerts: [validAlert({ expr: promql`(${shop.metrics.basket} > 100) * 2` })], expect: [] },
  { name: 'a rate alone is refused: it fires for every series', alerts: [validAlert({ expr: promql`rate(${shop.metrics.orders}[5m])` })], expect: ["has no condition: Prometheus fires for every series an expression returns"] },
  { name: 'an aggregation alone is refused', alerts: [validAlert({ expr: promql`sum by (job) (${shop.metrics.basket})` })], expect: ['has no condition'] },
  { name: 'arithmetic without a comparison is refused', alerts: [validAlert({ expr: promql`${shop.metrics.basket} * 2 + 1` })], expect: ['has no condition'] },
  { name: 'a comparison with bool is refused: it returns 0 or 1 for every series', alerts: [validAlert({ expr: promql`${shop.metrics.basket} > bool 100` })], expect: ['`bool` turns the comparison into 0 or 1 for every series'] },
  { name: 'a heartbeat of vector(1) alone passes: it fires always by design (Watchdog)', alerts: [validAlert({ expr: promql`vector(1)` })], expect: [] },
  { name: 'a constant or-ed onto a comparison is refused: it fires always', alerts: [validAlert({ expr: promql`${shop.metrics.basket} > 100 or vector(0)` })], expect: ['has no condition'] },
  { name: 'a heartbeat scaled by a metric is no heartbeat', alerts: [validAlert({ expr: promql`vector(1) * sum(${shop.metrics.basket})` })], expect: ['has no condition'] },
  { name: 'an or whose second side has no condition is refused', alerts: [validAlert({ expr: promql`${shop.metrics.basket} > 100 or ${shop.metrics.basket}` })], expect: ['has no condition'] },
]);

rulesTable(alertThresholdsCheck, [
  { name: 'thresholds inside the range pass', alerts: [validAlert(), validAlert({ expr: promql`${shop.metrics.fill} > 0.9` }), validAlert({ expr: promql`increase(${shop.metrics.orders}[5m]) > 0` })], expect: [] },
  { name: 'a threshold of NaN is refused: nothing compares greater than NaN', alerts: [validAlert({ expr: promql`${shop.metrics.basket} > NaN` })], expect: ['the threshold NaN is not a number: every comparison with NaN is false, so the alert would never fire'] },
  { name: 'a != NaN is refused: it holds for every series', alerts: [validAlert({ expr: promql`${shop.metrics.basket} != NaN` })], expect: ['every comparison with NaN is true, so the alert would fire for every series, always'] },
  { name: 'a gauge without a unit may be compared with a negative number', alerts: [validAlert({ expr: promql`${shop.metrics.basket} > -1` })], expect: [] },
  { name: 'a derivative may be negative', alerts: [validAlert({ expr: promql`deriv(${shop.metrics.size}[10m]) < -1000` })], expect: [] },
  {
    name: 'a rate above a negative threshold is refused: always true',
    alerts: [validAlert({ expr: promql`rate(${shop.metrics.orders}[5m]) > -1` })],
    expect: ["the threshold -1 is negative, but rate(app_orders_total[5m]) is a rate, never negative (≥ 0), so 'rate(app_orders_total[5m]) > -1' is always true: the alert would fire for every series, always. Compare with a threshold within ≥ 0"],
  },
  { name: 'a rate below a negative threshold is refused: never true', alerts: [validAlert({ expr: promql`rate(${shop.metrics.orders}[5m]) < -0.5` })], expect: ['can never be true: the alert would never fire'] },
  { name: 'a counter at or above 0 is refused: always true', alerts: [validAlert({ expr: promql`${shop.metrics.orders} >= 0` })], expect: ['is a counter, never negative (≥ 0)'] },
  { name: 'a size below a negative number is refused', alerts: [validAlert({ expr: promql`${shop.metrics.size} < -5` })], expect: ['is a size in bytes, never negative'] },
  { name: 'a ratio above 1 is refused', alerts: [validAlert({ expr: promql`${shop.metrics.fill} > 1` })], expect: ["app_warehouse_fill_ratio is a ratio (unit ratio) (0–1), so 'app_warehouse_fill_ratio > 1' can never be true: the alert would never fire"] },
  {
    name: 'a latency quantile below 0 is refused: durations are never negative',
    alerts: [validAlert({ expr: promql`histogram_quantile(0.9, sum by (le) (rate(${bucketOf(shop.metrics.wait)}[5m]))) < 0` })],
    expect: ['is a duration or time in seconds, never negative'],
  },
  { name: 'a ratio below 0 is refused', alerts: [validAlert({ expr: promql`${shop.metrics.fill} < 0` })], expect: ['can never be true'] },
  { name: 'a threshold written first is read the same way', alerts: [validAlert({ expr: promql`1.5 < ${shop.metrics.fill}` })], expect: ["'app_warehouse_fill_ratio > 1.5' can never be true"] },
  { name: 'a sum of rates is never negative either', alerts: [validAlert({ expr: promql`sum by (job) (rate(${shop.metrics.orders}[5m])) < 0` })], expect: ['a sum of a rate, never negative'] },
  {
    name: 'a share of the same rate is a ratio: above 1 is refused',
    alerts: [validAlert({ expr: promql`sum by (job) (rate(${shop.metrics.orders}{status="failed"}[5m])) / sum by (job) (rate(${shop.metrics.orders}[5m])) > 1` })],
    expect: ['is a share: its numerator selects part of the series of its denominator (0–1), so'],
  },
  {
    name: 'a quotient of two different rates may exceed 1',
    alerts: [validAlert({ expr: promql`sum by (job) (rate(${shop.metrics.orders}{status="failed"}[5m])) / sum by (job) (rate(${shop.metrics.orders}{status="ok"}[5m])) > 1` })],
    expect: [],
  },
  {
    name: 'a recording rule named as a ratio is a ratio',
    recording: [recordingRule({ record: 'job:orders_ok:ratio_rate5m', expr: promql`sum by (job) (rate(${shop.metrics.orders}{status="ok"}[5m])) / sum by (job) (rate(${shop.metrics.orders}[5m]))`, tests: [] })],
    alerts: [validAlert({ expr: promql`job:app_orders_ok:ratio_rate5m > 1.2` })],
    expect: ['a ratio (0–1), as the name job:app_orders_ok:ratio_rate5m says'],
  },
]);

rulesTable(alertLabelsCheck, [
  { name: 'a static label the result lacks passes', alerts: [validAlert({ labels: { team: 'checkout' } })], expect: [] },
  { name: 'a static label over a label aggregated away passes', alerts: [validAlert({ expr: promql`sum by (job) (${shop.metrics.basket}) > 100`, labels: { region: 'all' } })], expect: [] },
  {
    name: 'a static label overwriting a result label is refused: series collapse',
    alerts: [validAlert({ labels: { region: 'eu' } })],
    expect: ["static label 'region' overwrites the 'region' label each series of the result carries (instance, job, region)"],
  },
  { name: 'a static instance label is refused', alerts: [validAlert({ labels: { instance: 'shop' } })], expect: ['same labelset after applying alert labels'] },
  { name: 'an empty static label is refused: Prometheus drops it', alerts: [validAlert({ labels: { team: ' ' } })], expect: ["static label 'team' is empty"] },
  { name: 'a static label with the reserved __ prefix is refused', alerts: [validAlert({ labels: { __team: 'checkout' } })], expect: ["static label '__team': names starting with __ are reserved"] },
]);
