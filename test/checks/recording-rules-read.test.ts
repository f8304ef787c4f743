import { evaluates, input, promql, recordingRule, type RecordingRuleDef } from '../../generator/index.ts';
import { recordingRulesReadCheck } from '../../generator/validate/checks/recording-rules-read.ts';
import { dashboardTable, panel, queryTarget, row, VARIABLES } from '../helpers/dashboard-table.ts';
import { rulesTable, shop, validAlert } from '../helpers/rules-table.ts';

const orders = input(shop.metrics.orders, { job: 'shop', instance: 'shop:80', status: 'ok' }, '0+60x20');
const rule = (record: string, expr: ReturnType<typeof promql>, exported?: string): RecordingRuleDef =>
  recordingRule({ record, expr, tests: [evaluates('runs', { at: '10m', series: [orders], samples: [] })], ...(exported !== undefined ? { exported } : {}) });
const { orders: ordersTotal, basket } = shop.metrics;

const rate = rule('job:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`);
const doubled = rule('job:orders:rate5m_x2', promql`2 * job:app_orders:rate5m`);
const baskets = rule('job:baskets:sum', promql`sum by (job) (${basket})`);

rulesTable(recordingRulesReadCheck, [
  { name: 'a rule an alert reads passes', alerts: [validAlert({ expr: promql`job:app_baskets:sum > 100` })], recording: [baskets], expect: [] },
  {
    name: 'a rule nothing reads is refused, with both ways out',
    alerts: [validAlert()],
    recording: [rate],
    expect: ["recording rule job:orders:rate5m: no alert, recording rule, dashboard panel or variable reads it: Prometheus evaluates and stores it for no one; delete it, or say who reads it outside the project with exported: '"],
  },
  { name: 'a rule that says who reads it outside the project passes', recording: [rule('job:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`, 'Federated to the global Prometheus for the cross-region view.')], expect: [] },
  {
    name: 'a rule read by an alert through another rule is read',
    alerts: [validAlert({ expr: promql`job:app_orders:rate5m_x2 > 100` })],
    recording: [rate, doubled],
    expect: [],
  },
  {
    name: 'a rule read only by an unread rule is unread too, and says which rule reads it',
    recording: [rate, doubled],
    expect: ['recording rule job:orders:rate5m: only job:orders:rate5m_x2 reads it, and nothing reads that rule', 'recording rule job:orders:rate5m_x2: no alert, recording rule'],
  },
  { name: 'a rule an exported rule reads is read', recording: [rate, rule('job:orders:rate5m_x2', promql`2 * job:app_orders:rate5m`, 'Remote-written to the billing team.')], expect: [] },
  { name: 'exported on a rule that is read anyway is fine', alerts: [validAlert({ expr: promql`job:app_baskets:sum > 100` })], recording: [rule('job:baskets:sum', promql`sum by (job) (${basket})`, 'Also federated.')], expect: [] },
  { name: 'an exported reason of spaces excuses nothing', recording: [rule('job:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`, '   ')], expect: ['recording rule job:orders:rate5m: exported has no visible characters; say who reads the rule outside the project'] },
  {
    name: 'an exported reason with an invisible character is refused',
    recording: [rule('job:orders:rate5m', promql`sum by (job) (rate(${ordersTotal}[5m]))`, 'Feder\u200Bated.')],
    expect: ['exported contains U+200B (invisible formatting character)'],
  },
]);

dashboardTable(recordingRulesReadCheck, [
  {
    name: 'a rule a panel reads, with Grafana variables in the query, is read',
    recording: [baskets],
    dashboards: [{ panels: [panel({ targets: [queryTarget('max(job:app_baskets:sum{job=~"$job"}) or vector(0) * $__rate_interval')] })] }],
    expect: [],
  },
  {
    name: 'a rule a panel in a later row reads is read',
    recording: [baskets],
    dashboards: [{ panels: [panel()], rows: [row(3, 9, [panel({ id: 4, gridPos: { x: 0, y: 10, w: 12, h: 8 }, targets: [queryTarget('job:app_baskets:sum')] })])] }],
    expect: [],
  },
  {
    name: 'a rule a dashboard variable lists values over is read',
    recording: [baskets],
    dashboards: [{ panels: [panel()], variables: [...VARIABLES, { name: 'shopjob', label: 'Shop job', query: 'label_values(job:app_baskets:sum, job)', allValue: '.*' }] }],
    expect: [],
  },
  {
    name: 'a panel reading the raw series leaves the rule unread',
    recording: [baskets],
    dashboards: [{ panels: [panel()] }],
    expect: ['recording rule job:baskets:sum: no alert, recording rule, dashboard panel or variable reads it'],
  },
]);
