import { evaluates, input, promql, recordingRule, type RecordingRuleDef } from '../../generator/index.ts';
import { ruleCyclesCheck } from '../../generator/validate/checks/rule-cycles.ts';
import { ruleLevelsCheck } from '../../generator/validate/checks/rule-levels.ts';
import { ruleNamesCheck } from '../../generator/validate/checks/rule-names.ts';
import { ruleQueriesCheck } from '../../generator/validate/checks/rule-queries.ts';
import { rulesTable, shop, validAlert } from '../helpers/rules-table.ts';

const orders = input(shop.metrics.orders, { job: 'shop', instance: 'shop:80', status: 'ok' }, '0+60x20');
/** A recording rule over the shop catalogue; its test is not what these checks judge. */
const rule = (record: string, expr: ReturnType<typeof promql>): RecordingRuleDef =>
  recordingRule({ record, expr, tests: [evaluates('runs', { at: '10m', series: [orders], samples: [] })] });
const { orders: ordersTotal, basket } = shop.metrics;

rulesTable(ruleLevelsCheck, [
  { name: 'a level naming exactly the labels kept passes', recording: [rule('job_status:orders:rate5m', promql`sum by (job, status) (rate(${ordersTotal}[5m]))`)], expect: [] },
  { name: 'the order of the labels in the level is free', recording: [rule('status_job:orders:rate5m', promql`sum by (job, status) (rate(${ordersTotal}[5m]))`)], expect: [] },
  {
    name: 'a level naming a label the aggregation drops is refused',
    recording: [rule('job_status:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`)],
    expect: ["level 'job_status' names 'status', which the expression does not keep (its result keeps: job); name it job:orders:rate5m, or keep status in the aggregation"],
  },
  {
    name: 'a level naming a label that sum without removes is refused',
    recording: [rule('instance_job_region:baskets:sum', promql`sum without (region) (${basket})`)],
    expect: ["names 'region', which the expression does not keep"],
  },
  {
    name: 'a level leaving out a kept label is refused',
    recording: [rule('job:orders:rate5m', promql`sum by (job, status) (rate(${ordersTotal}[5m]))`)],
    expect: ["the result keeps 'status', which level 'job' does not name; name it job_status:orders:rate5m"],
  },
  {
    name: 'a rule that aggregates nothing keeps every label, and its level must say so',
    recording: [rule('job:orders:rate5m', promql`rate(${ordersTotal}[5m])`)],
    expect: ["the result keeps 'instance' and 'status'"],
  },
  { name: 'a level naming no label of the expression at all is refused', recording: [rule('service:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`)], expect: ["level 'service' names 'service', which the expression does not keep (its result keeps: job); name it job:orders:rate5m"] },
  { name: 'labels holding an underscore are read whole', recording: [rule('job_order_status:orders:rate5m', promql`sum by (job, order_status) (label_replace(rate(${ordersTotal}[5m]), "order_status", "$1", "status", "(.*)"))`)], expect: [] },
  { name: 'a level naming a label twice is refused', recording: [rule('job_job:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`)], expect: ["level 'job_job' names 'job' twice"] },
  { name: 'an empty level fits a result without labels', recording: [rule(':orders:rate5m', promql`sum(rate(${ordersTotal}[5m]))`)], expect: [] },
  { name: 'an empty level with labels kept is refused', recording: [rule(':orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`)], expect: ["the result keeps 'job'"] },
  { name: 'a level naming le on a result without buckets is refused', recording: [rule('job_le:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`)], expect: ["names 'le'"] },
  {
    name: 'the labels a rule keeps are followed through the rules it reads',
    recording: [
      rule('job_status:orders:rate5m', promql`sum by (job, status) (rate(${ordersTotal}[5m]))`),
      rule('job_status:orders:ratio_rate5m', promql`job_status:app_orders:rate5m / on (job) group_left sum by (job) (job_status:app_orders:rate5m)`),
      rule('job_status:orders:max', promql`max by (job) (job_status:app_orders:rate5m)`),
    ],
    expect: ["recording rule job_status:orders:max: level 'job_status' names 'status'"],
  },
]);

rulesTable(ruleCyclesCheck, [
  {
    name: 'rules reading other rules without a cycle pass',
    recording: [rule('job:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`), rule('job:orders:rate5m_x2', promql`2 * job:app_orders:rate5m`)],
    expect: [],
  },
  { name: 'a rule reading its own output is refused', recording: [rule('job:orders:sum', promql`sum by (job) (job:app_orders:sum)`)], expect: ['recording rule job:orders:sum: it reads its own output (job:orders:sum → job:orders:sum)'] },
  {
    name: 'every rule of a cycle through another rule is refused, with the whole cycle',
    recording: [rule('job:orders:a', promql`sum by (job) (job:app_orders:b)`), rule('job:orders:b', promql`sum by (job) (job:app_orders:a)`)],
    expect: ['recording rule job:orders:a: it reads its own output through other recording rules (job:orders:a → job:orders:b → job:orders:a)', 'recording rule job:orders:b: it reads its own output through other recording rules (job:orders:b → job:orders:a → job:orders:b)'],
  },
  {
    name: 'a longer cycle is named in full, and a rule merely reading it is not on it',
    recording: [
      rule('job:orders:a', promql`sum by (job) (job:app_orders:b)`),
      rule('job:orders:b', promql`sum by (job) (job:app_orders:c) + sum by (job) (rate(${ordersTotal}[5m]))`),
      rule('job:orders:c', promql`sum by (job) (job:app_orders:a)`),
      rule('job:orders:reader', promql`sum by (job) (job:app_orders:a)`),
    ],
    expect: ['job:orders:a → job:orders:b → job:orders:c → job:orders:a', 'job:orders:b → job:orders:c → job:orders:a → job:orders:b', 'job:orders:c → job:orders:a → job:orders:b → job:orders:c'],
  },
]);

rulesTable(ruleNamesCheck, [
  { name: 'an empty level, for a result without labels, is a valid name', recording: [rule(':orders:rate5m', promql`sum(rate(${ordersTotal}[5m]))`)], expect: [] },
]);

/** What the model context infers of each rule (its kind, its label values) reaches the queries that read it. */
rulesTable(ruleQueriesCheck, [
  {
    name: 'rate over a rule that records the level of a gauge is refused',
    recording: [rule('region:baskets:max', promql`max by (region) (${basket})`)],
    alerts: [validAlert({ expr: promql`rate(region:app_baskets:max[5m]) > 1` })],
    expect: ['rate() over recording rule region:app_baskets:max in rate(region:app_baskets:max[5m]): the rule records a level'],
  },
  {
    name: 'deriv over a rule that sums counters is refused',
    recording: [rule('job:orders:sum', promql`sum by (job) (${ordersTotal})`)],
    alerts: [validAlert({ expr: promql`deriv(job:app_orders:sum[5m]) > 1` })],
    expect: ['deriv() over recording rule job:app_orders:sum, which records counters,'],
  },
  {
    name: 'a label value a rule keeps from the catalogue is checked where the rule is read',
    recording: [rule('job_status:orders:rate5m', promql`sum by (job, status) (rate(${ordersTotal}[5m]))`)],
    alerts: [validAlert({ expr: promql`job_status:app_orders:rate5m{status="cancelled"} > 1` })],
    expect: ['status="cancelled" in job_status:app_orders:rate5m{status="cancelled"} matches nothing'],
  },
  {
    name: 'a label a rule writes with label_replace has no declared values to check',
    recording: [rule('job_state:orders:rate5m', promql`sum by (job, state) (label_replace(rate(${ordersTotal}[5m]), "state", "$1", "status", "(.*)"))`)],
    alerts: [validAlert({ expr: promql`job_state:app_orders:rate5m{state="cancelled"} > 1` })],
    expect: [],
  },
  {
    name: 'what a rule reads from a rule defined after it is known',
    recording: [rule('job_status:orders:ratio', promql`job_status:app_orders:rate5m / on (job) group_left sum by (job) (job_status:app_orders:rate5m)`), rule('job_status:orders:rate5m', promql`sum by (job, status) (rate(${ordersTotal}[5m]))`)],
    alerts: [validAlert({ expr: promql`job_status:app_orders:ratio{status="lost"} > 1` })],
    expect: ['status="lost" in job_status:app_orders:ratio{status="lost"} matches nothing'],
  },
]);
