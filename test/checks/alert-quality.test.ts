/** The checks of issue #17: severity policy, runbooks, scenarios (and alerts that cannot fire), blind spots, per-job aggregation. */
import { fires, input, promql, type AlertDef } from '../../generator/index.ts';
import { alertAggregationCheck } from '../../generator/validate/checks/alert-aggregation.ts';
import { alertBlindSpotsCheck } from '../../generator/validate/checks/alert-blind-spots.ts';
import { alertRunbooksCheck } from '../../generator/validate/checks/alert-runbooks.ts';
import { alertScenariosCheck } from '../../generator/validate/checks/alert-scenarios.ts';
import { alertSeverityCheck } from '../../generator/validate/checks/alert-severity.ts';
import { rulesTable, shop, validAlert } from '../helpers/rules-table.ts';

const target = { job: 'shop', instance: 'shop:80' };
const runbook = { meaning: 'm', causes: ['c'], checks: ['k'], fix: ['f'], escalation: 'e' };
const baskets: AlertDef['scenario'] = { target, series: (value, s) => [input(shop.metrics.basket, { ...s.target, region: 'eu' }, s.gauge(value))] };
const queued: AlertDef['scenario'] = { target, series: (value, s) => [input(shop.metrics.queued, { ...s.target }, s.gauge(value))] };

rulesTable(alertSeverityCheck, [
  { name: 'a warning needs no impact', alerts: [validAlert()], expect: [] },
  { name: 'a critical alert stating what users feel passes', alerts: [validAlert({ severity: 'critical', impact: 'Shoppers cannot check out.' })], expect: [] },
  {
    name: 'a critical alert on a cause, with no user-visible symptom or data loss stated, is refused',
    alerts: [validAlert({ severity: 'critical' })],
    expect: ['alert BasketsPiling: is critical but does not say what users feel or what data is lost when it fires: state it in impact, or make it a warning'],
  },
  { name: 'a blank impact is no impact', alerts: [validAlert({ severity: 'critical', impact: '  ' })], expect: ['is critical but does not say what users feel'] },
]);

rulesTable(alertRunbooksCheck, [
  { name: 'a runbook with fix steps and an escalation passes', alerts: [validAlert({ runbook })], expect: [] },
  {
    name: 'a runbook that says what is wrong but not how to fix it, nor whom to call, is refused',
    alerts: [validAlert()],
    expect: ['runbook.fix is empty: list the steps that end the alert', 'runbook.escalation is empty: say whom to call'],
  },
  {
    name: 'a runbook panel on a dashboard that does not exist is refused',
    alerts: [validAlert({ runbook: { ...runbook, panel: { dashboard: 'checkout', panel: 'Baskets' } } })],
    expect: ["runbook.panel names dashboard 'checkout', which dashboards/ does not define"],
  },
]);

rulesTable(alertScenariosCheck, [
  { name: 'an alert with a scenario passes', alerts: [validAlert({ scenario: baskets })], expect: [] },
  { name: 'an alert that says why it has no scenario passes', alerts: [validAlert({ noScenario: 'a heartbeat' })], expect: [] },
  { name: 'an alert with neither is refused', alerts: [validAlert()], expect: ['has no scenario, so no edge-case tests can be generated'] },
  {
    name: 'a scenario on an expression with no threshold to probe is refused',
    alerts: [validAlert({ expr: promql`${shop.metrics.basket} > ${shop.metrics.basket} offset 1h`, scenario: baskets })],
    expect: ['has a scenario but no comparison with a number'],
  },
  {
    name: 'an alert past a gauge\'s declared capacity cannot fire: its firing test needs a value the system never reaches',
    alerts: [validAlert({ expr: promql`${shop.metrics.queued} > 500`, scenario: queued })],
    expect: ["cannot fire: 'app_orders_queued > 500' needs app_orders_queued = 505, but it is the depth of a queue that holds at most 500 orders (0–500)"],
  },
  {
    name: 'a hand-written firing test on a depth past the capacity is refused: it proves the alert on a value the system never produces',
    alerts: [
      validAlert({
        expr: promql`${shop.metrics.queued} >= 500`,
        scenario: queued,
        tests: [...validAlert().tests, fires('overfull', { at: '10m', series: [input(shop.metrics.queued, target, '600x20')], alerts: [{ labels: target, summary: 's', description: 'd' }] })],
      }),
    ],
    expect: ["test 'overfull': input series app_orders_queued{job=\"shop\", instance=\"shop:80\"} takes 600, which the system never produces: it is the depth of a queue that holds at most 500 orders (0–500)"],
  },
  { name: 'an alert at the capacity can fire (the queue is full)', alerts: [validAlert({ expr: promql`${shop.metrics.queued} >= 500`, scenario: queued })], expect: [] },
  {
    name: 'a ratio past 1 cannot fire either',
    alerts: [validAlert({ expr: promql`${shop.metrics.fill} > 1`, scenario: { target, series: (value, s) => [input(shop.metrics.fill, { ...s.target }, s.gauge(value))] } })],
    expect: ['cannot fire: \'app_warehouse_fill_ratio > 1\' needs app_warehouse_fill_ratio = 1.01'],
  },
]);

rulesTable(alertBlindSpotsCheck, [
  { name: 'an alert on a high value passes: a vanished series has no high value either, and the absence is another alert\'s', alerts: [validAlert()], expect: [] },
  {
    name: 'an alert on a low value goes blind when its series disappear (workers gone) and is refused',
    alerts: [validAlert({ expr: promql`sum by (job) (${shop.metrics.basket}) < 1` })],
    expect: ['fires when sum by (job) (app_baskets_open) < 1, but when its series disappear (the process or target gone) the expression is empty and the alert is silent'],
  },
  { name: 'a target-down form (== 0) is a low value too', alerts: [validAlert({ expr: promql`${shop.metrics.basket} == 0` })], expect: ['== 0, but when its series disappear'] },
  { name: 'paired with absent() it passes', alerts: [validAlert({ expr: promql`sum by (job) (${shop.metrics.basket}) < 1 or absent(${shop.metrics.basket}{job="shop"})` })], expect: [] },
  { name: 'paired with absent_over_time() it passes', alerts: [validAlert({ expr: promql`sum by (job) (${shop.metrics.basket}) < 1 or absent_over_time(${shop.metrics.basket}{job="shop"}[5m])` })], expect: [] },
  { name: 'saying which alert covers the missing series passes', alerts: [validAlert({ expr: promql`sum by (job) (${shop.metrics.basket}) < 1`, blindSpot: 'JobDown covers the shop job.' })], expect: [] },
]);

rulesTable(alertAggregationCheck, [
  {
    name: "a per-instance alert on the application's series is refused: one idle replica would page while another works",
    alerts: [validAlert({ expr: promql`${shop.metrics.basket} > 100` })],
    expect: ['fires once per instance (its result keeps the instance label), but the application\'s jobs run replicas: aggregate by job'],
  },
  { name: 'aggregated per job it passes', alerts: [validAlert({ expr: promql`sum by (job, region) (${shop.metrics.basket}) > 100` })], expect: [] },
  { name: 'a per-process resource that says so passes', alerts: [validAlert({ perInstance: 'Each process holds its own baskets.' })], expect: [] },
]);
