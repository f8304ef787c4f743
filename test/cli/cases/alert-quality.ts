/**
 * Alerts a production team cannot trust, through the real CLI (issue #17): a page on a cause, a
 * runbook without a fix or an escalation, no edge-case scenario, an alert that cannot fire because the
 * system never reaches its threshold, one that goes blind when its series disappear, and one that
 * pages for one replica of many.
 */
import { metric, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

export const where = 'alerts/case.ts: alert RequestsHigh';
/** A queue with 100 slots (the exporter caps it there), and an alert on it. */
export const slots = metric("depth: gauge({ name: 'queue_depth', help: 'Items waiting.', range: { min: 0, max: 100, why: 'the depth of a queue with 100 slots' } }),");
export const depthAlert = (expr: string) => ({
  ...slots,
  'alerts/queue.ts': `import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import queue from '../catalog/case.ts';
export const { depth } = queue.metrics;
export const target = { job: 'a', instance: 'a:1' };
export const at = (values: string) => [input(depth, target, values)];
export default defineRules({
  name: 'queue',
  title: 'Queue',
  alerts: [alert({
    name: 'QueueFull', severity: 'warning', expr: promql\`${expr}\`, for: '5m', summary: 's', description: 'd',
    runbook: { meaning: 'm', causes: ['c'], checks: ['k'], fix: ['f'], escalation: 'e' },
    scenario: { target, series: (value, s) => [input(depth, { ...s.target }, s.gauge(value))] },
    tests: [
      fires('full', { at: '10m', series: at('150x20'), alerts: [{ labels: target, summary: 's', description: 'd' }] }),
      silent('half', { at: '10m', series: at('50x20') }),
      pending('briefly', { at: '3m', series: at('150x20') }),
    ],
  })],
});
`,
});

export const CASES: InvalidCase[] = [
  {
    name: 'a critical alert that states no user-visible symptom or data loss',
    files: rulesFile("severity: 'critical'"),
    where,
    rule: 'alert-severity',
    message: 'is critical but does not say what users feel or what data is lost when it fires',
  },
  {
    name: 'a runbook without fix steps',
    files: rulesFile("runbook: { meaning: 'm', causes: ['c'], checks: ['k'], escalation: 'e' }"),
    where,
    rule: 'alert-runbooks',
    message: 'runbook.fix is empty: list the steps that end the alert, in order',
  },
  {
    name: 'a runbook without an escalation',
    files: rulesFile("runbook: { meaning: 'm', causes: ['c'], checks: ['k'], fix: ['f'] }"),
    where,
    rule: 'alert-runbooks',
    message: 'runbook.escalation is empty: say whom to call',
  },
  {
    name: 'a runbook panel on a dashboard that does not exist',
    files: rulesFile("runbook: { ...base_alert.runbook, panel: { dashboard: 'nowhere', panel: 'Requests' } }"),
    where,
    rule: 'alert-runbooks',
    message: "runbook.panel names dashboard 'nowhere', which dashboards/ does not define",
  },
  {
    name: 'an alert without a scenario, and no reason for it',
    files: rulesFile('scenario: undefined'),
    where,
    rule: 'alert-scenarios',
    message: 'has no scenario, so no edge-case tests can be generated',
  },
  {
    name: 'a scenario that is not one',
    files: rulesFile('scenario: { target, series: 3 }'),
    where,
    rule: 'definition-shape',
    message: 'scenario must be { target: { job, instance }, series: (value, s) => [input(...)]',
  },
  {
    name: 'an alert past what the queue can hold: its firing test needs a depth the system never reaches',
    files: depthAlert('${depth} > 100'),
    where: 'alerts/queue.ts: alert QueueFull',
    rule: 'alert-scenarios',
    message: "cannot fire: 'app_queue_depth > 100' needs app_queue_depth = 101, but it is the depth of a queue with 100 slots (0–100)",
  },
  {
    name: 'an alert per instance of a replicated job: one idle replica pages while another works',
    files: rulesFile('perInstance: undefined'),
    where,
    rule: 'alert-aggregation',
    message: "fires once per instance (its result keeps the instance label), but the application's jobs run replicas",
  },
  {
    name: 'an alert on too little traffic, silent when the series disappear',
    files: rulesFile('expr: promql`sum by (job) (rate(${requests}[5m])) < 0.5`'),
    where,
    rule: 'alert-blind-spots',
    message: 'but when its series disappear (the process or target gone) the expression is empty and the alert is silent',
  },
];
