import { evaluates, fires, input, pending, promql, recordingRule, silent, type AlertDef, type Severity } from '../../generator/index.ts';
import { alertFieldsCheck } from '../../generator/validate/checks/alert-fields.ts';
import { annotationTemplatesCheck } from '../../generator/validate/checks/annotation-templates.ts';
import { ruleNamesCheck } from '../../generator/validate/checks/rule-names.ts';
import { ruleQueriesCheck } from '../../generator/validate/checks/rule-queries.ts';
import { ruleTestsCheck } from '../../generator/validate/checks/rule-tests.ts';
import { rulesTable, shop, validAlert } from '../helpers/rules-table.ts';

const orders = (values: string) => input(shop.metrics.orders, { job: 'shop', instance: 'shop:80', status: 'ok' }, values);
const orderRate = (record: string) =>
  recordingRule({
    record,
    expr: promql`sum by (job) (rate(${shop.metrics.orders}[5m]))`,
    tests: [evaluates('sums', { at: '10m', series: [orders('0+60x20')], samples: [{ labels: { job: 'shop' }, value: 1 }] })],
  });
const tests = validAlert().tests;

rulesTable(ruleNamesCheck, [
  { name: 'a PascalCase alert and a level:metric:operations rule pass', alerts: [validAlert()], recording: [orderRate('job:orders:rate5m')], expect: [] },
  { name: 'an alert name in snake_case is refused', alerts: [validAlert({ name: 'baskets_piling' })], expect: ['alert names are PascalCase'] },
  { name: 'two alerts of one name are refused', alerts: [validAlert(), validAlert()], expect: ['alert BasketsPiling is already defined in alerts/shop.ts'] },
  { name: 'a recording rule without levels is refused', recording: [orderRate('orders_rate5m')], expect: ['named level:metric:operations'] },
  { name: 'a recording rule with capitals is refused', recording: [orderRate('job:Orders:rate5m')], expect: ['named level:metric:operations'] },
  { name: 'the namespace is added, not written', recording: [orderRate('job:app_orders:rate5m')], expect: ['leave the namespace out'] },
  { name: 'two recording rules of one name are refused', recording: [orderRate('job:orders:rate5m'), orderRate('job:orders:rate5m')], expect: ['job:app_orders:rate5m is already defined'] },
]);

rulesTable(alertFieldsCheck, [
  { name: 'a complete alert passes', alerts: [validAlert()], expect: [] },
  { name: 'a severity outside the set is refused', alerts: [validAlert({ severity: 'page' as Severity })], expect: ["severity 'page' is not one of critical, warning, info"] },
  { name: 'an invalid for duration is refused', alerts: [validAlert({ for: '5 minutes' })], expect: ["for '5 minutes' is not a Prometheus duration"] },
  { name: 'an empty summary is refused', alerts: [validAlert({ summary: ' ' })], expect: ['summary is empty'] },
  { name: 'a summary of zero-width spaces is refused', alerts: [validAlert({ summary: '\u200b\u200b' })], expect: ['summary is empty or has no visible characters'] },
  { name: 'a summary with a line break is refused: it is one line', alerts: [validAlert({ summary: 'Baskets\npiling' })], expect: ['summary contains U+000A (control character)'] },
  { name: 'a description with a bidi override is refused', alerts: [validAlert({ description: 'Open \u202ebaskets' })], expect: ['description contains U+202E'] },
  { name: 'a description over several lines passes', alerts: [validAlert({ description: 'Baskets pile up.\nCheckout may be down.' })], expect: [] },
  { name: 'a runbook cause of invisible characters is refused', alerts: [validAlert({ runbook: { meaning: 'm', causes: ['c', '\u00a0'], checks: ['k'] } })], expect: ['runbook.causes[1] is empty or has no visible characters'] },
  { name: 'a blank runbook check is refused', alerts: [validAlert({ runbook: { meaning: 'm', causes: ['c'], checks: [''] } })], expect: ['runbook.checks[0] is empty'] },
  { name: 'a runbook without causes or checks is refused', alerts: [validAlert({ runbook: { meaning: 'm', causes: [], checks: [] } })], expect: ['runbook.causes is empty', 'runbook.checks is empty'] },
  { name: 'a static label of a zero-width space is refused', alerts: [validAlert({ labels: { team: '\u200b' } } as Partial<AlertDef>)], expect: ["label 'team' is empty or has no visible characters"] },
  { name: 'a static label with a newline is refused', alerts: [validAlert({ labels: { team: 'a\nb' } } as Partial<AlertDef>)], expect: ["label 'team' contains U+000A"] },
  { name: 'severity may not be set as a label', alerts: [validAlert({ labels: { severity: 'critical' } } as Partial<AlertDef>)], expect: ["label 'severity' is set by Sextant"] },
]);

rulesTable(ruleTestsCheck, [
  { name: 'an alert tested firing, silent and pending passes', alerts: [validAlert()], expect: [] },
  { name: 'an alert without a firing test is refused', alerts: [validAlert({ tests: tests.filter((t) => t.kind !== 'fires') })], expect: ['needs a test where it fires'] },
  { name: 'an alert without a silent test is refused', alerts: [validAlert({ tests: tests.filter((t) => t.kind !== 'silent') })], expect: ['needs a test where it stays silent'] },
  { name: 'an alert with a for needs a pending test', alerts: [validAlert({ tests: tests.filter((t) => t.kind !== 'pending') })], expect: ['still pending'] },
  { name: 'an alert without a for needs no pending test', alerts: [validAlert({ for: '0s', tests: tests.filter((t) => t.kind !== 'pending') })], expect: [] },
  {
    name: 'a firing test must expect an alert',
    alerts: [validAlert({ tests: [...tests.slice(1), fires('nothing expected', { at: '10m', series: tests[0]!.series, alerts: [] })] })],
    expect: ["test 'nothing expected' fires but expects no alert"],
  },
  {
    name: 'a vector(1) heartbeat needs only a test where it fires, with no series',
    alerts: [validAlert({ expr: promql`vector(1)`, for: '0s', tests: [fires('always', { at: '1m', series: [], alerts: [{ labels: {}, summary: 's', description: 'd' }] })] })],
    expect: [],
  },
  { name: 'an alert over series still needs input series in its tests', alerts: [validAlert({ tests: tests.map((t) => ({ ...t, series: [] })) })], expect: ["has no input series", "has no input series", "has no input series"] },
  {
    name: 'a test input with a label value the catalogue does not declare is refused: that series cannot exist',
    recording: [{ ...orderRate('job:orders:rate5m'), tests: [evaluates('sums', { at: '10m', series: [input(shop.metrics.orders, { job: 'shop', instance: 'shop:80', status: 'shipped' as 'ok' }, '0+60x20')], samples: [] })] }],
    expect: ['test \'sums\': input series status="shipped" in app_orders_total{job="shop", instance="shop:80", status="shipped"} matches nothing'],
  },
  { name: 'a recording rule without a test is refused', recording: [{ ...orderRate('job:orders:rate5m'), tests: [] }], expect: ['needs an expression test'] },
]);

rulesTable(ruleQueriesCheck, [
  { name: 'catalogue queries pass', alerts: [validAlert()], recording: [orderRate('job:orders:rate5m')], expect: [] },
  { name: 'an unknown metric is refused', alerts: [validAlert({ expr: promql`app_basket_open > 1` })], expect: ["alert BasketsPiling: unknown metric 'app_basket_open'"] },
  { name: 'an unknown label in a matcher is refused', alerts: [validAlert({ expr: promql`${shop.metrics.basket}{country="fr"} > 1` })], expect: ["label 'country' is not on app_baskets_open"] },
  { name: 'rate over a gauge is refused', alerts: [validAlert({ expr: promql`rate(${shop.metrics.basket}[5m]) > 1` })], expect: ['rate() over gauge app_baskets_open'] },
  { name: 'a recording rule may read another one', recording: [orderRate('job:orders:rate5m'), recordingRule({ record: 'job:orders:rate5m_x2', expr: promql`2 * ${orderRate('job:orders:rate5m')}`, tests: [] })], expect: [] },
]);

rulesTable(annotationTemplatesCheck, [
  { name: 'templates reading labels of the result pass', alerts: [validAlert()], expect: [] },
  { name: 'an unclosed action is refused', alerts: [validAlert({ summary: 'Baskets pile up in {{ $labels.region }' })], expect: ["summary template: '{{' at character 20 is never closed"] },
  { name: 'an unknown function is refused', alerts: [validAlert({ description: '{{ $value | humanise }} baskets' })], expect: ["description template: function 'humanise' is not defined"] },
  { name: 'an if without end is refused', alerts: [validAlert({ description: '{{ if $value }}many' })], expect: ['{{ if }} is never closed'] },
  { name: '$label for $labels is refused, with the fix', alerts: [validAlert({ summary: 'Baskets pile up in {{ $label.region }}' })], expect: ["summary template: undefined variable '$label'; did you mean $labels?"] },
  { name: 'a static label value is a template too', alerts: [validAlert({ labels: { team: '{{ $value | humanise }}' } })], expect: ["label 'team' template: function 'humanise' is not defined"] },
  {
    name: 'a label read through .Labels is checked against the result like $labels',
    alerts: [validAlert({ description: '{{ .Labels.country }}' })],
    expect: ["description reads $labels.country, but the alert's result has only: instance, job, region"],
  },
  {
    name: 'a label the result does not have is refused',
    alerts: [validAlert({ expr: promql`sum by (job) (${shop.metrics.basket}) > 100`, tests: [silent('few', { at: '1m', series: [] })] })],
    expect: ["summary reads $labels.region, but the alert's result has only: job", 'description reads $labels.region'],
  },
]);
