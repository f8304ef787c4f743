import { defineDashboard, labelVariable, PANEL_UNITS, promql, rate, rec, row, sel, stat, target, timeseries } from 'sextant';
import { duration, failedRate, successRatio } from '../alerts/jobs.ts';
import { backlogSeconds, waitLatency } from '../alerts/queue.ts';
import { processingLatency } from '../alerts/worker.ts';
import jobs from '../catalog/jobs.ts';
import queue from '../catalog/queue.ts';
import worker from '../catalog/worker.ts';

const { submitted, processed, failed, retries } = jobs.metrics;
const q = 'queue=~"$queue"';

export default defineDashboard({
  name: 'jobs',
  title: 'Jobs, queues and workers',
  folder: 'Service',
  description: 'The task platform: what is submitted, how fast it drains, how it ends, and the workers doing it.',
  tags: ['jobs', 'queue', 'workers'],
  scope: queue.metrics.length,
  variables: [labelVariable(queue.metrics.length, 'queue')],
  links: [{ title: 'Service level objectives', dashboard: 'slos' }],
  rows: [
    row('Throughput', [
      timeseries({ title: 'Jobs submitted by type', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (queue, job_type) (${rate(submitted, q)})`, '{{queue}} {{job_type}}')] }),
      timeseries({
        title: 'Jobs processed by queue and result',
        unit: PANEL_UNITS.perSecond,
        stacked: true,
        targets: [target(promql`sum by (queue, result) (${rate(processed, q)})`, '{{queue}} {{result}}')],
      }),
      timeseries({
        title: 'Success ratio',
        unit: PANEL_UNITS.ratio,
        min: 0,
        max: 1,
        alerts: ['JobFailureRatioHigh'],
        targets: [target(promql`${rec(successRatio, q)}`, '{{queue}}')],
      }),
      timeseries({
        title: 'Enqueued and dequeued',
        unit: PANEL_UNITS.perSecond,
        targets: [
          target(promql`sum by (queue) (${rate(queue.metrics.enqueued, q)})`, 'in {{queue}}'),
          target(promql`sum by (queue) (${rate(queue.metrics.dequeued, q)})`, 'out {{queue}}'),
        ],
      }),
    ]),
    row('Backlog', [
      timeseries({ title: 'Queue length', unit: PANEL_UNITS.count, targets: [target(promql`sum by (queue) (${sel(queue.metrics.length, q)})`, '{{queue}}')] }),
      timeseries({ title: 'Backlog (time to drain)', unit: PANEL_UNITS.seconds, alerts: ['QueueBacklogSecondsHigh'], targets: [target(promql`${rec(backlogSeconds, q)}`, '{{queue}}')] }),
      timeseries({ title: 'Oldest waiting job', unit: PANEL_UNITS.seconds, alerts: ['QueueOldestJobTooOld'], targets: [target(promql`max by (queue) (${sel(queue.metrics.oldestJobAge, q)})`, '{{queue}}')] }),
      timeseries({ title: 'Queue wait p95', unit: PANEL_UNITS.seconds, targets: [target(promql`${rec(waitLatency.p95, q)}`, '{{queue}}')] }),
    ]),
    row('Durations and failures', [
      timeseries({
        title: 'Processing duration p95',
        unit: PANEL_UNITS.seconds,
        targets: [target(promql`${rec(duration.p95, q)}`, 'handler {{queue}}'), target(promql`${rec(processingLatency.p95, q)}`, 'worker {{queue}}')],
      }),
      timeseries({
        title: 'Failed attempts by error type',
        unit: PANEL_UNITS.perSecond,
        alerts: ['JobFailureRatioHigh'],
        targets: [target(promql`sum by (queue, error_type) (${rate(failed, q)})`, '{{queue}} {{error_type}}')],
      }),
      timeseries({ title: 'Retries', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (queue, job_type) (${rate(retries, q)})`, '{{queue}} {{job_type}}')] }),
      timeseries({ title: 'Failed attempts (all queues)', unit: PANEL_UNITS.perSecond, targets: [target(promql`${rec(failedRate)}`, '{{queue}}')] }),
    ]),
    row('Workers', [
      stat({
        title: 'Workers running',
        unit: PANEL_UNITS.count,
        alerts: ['NoActiveWorkers'],
        thresholds: [{ value: null, color: 'red' }, { value: 1, color: 'green' }],
        targets: [target(promql`sum(${sel(worker.metrics.running, q)})`)],
      }),
      stat({ title: 'Workers busy', unit: PANEL_UNITS.count, targets: [target(promql`sum(${sel(worker.metrics.busy, q)})`)] }),
      stat({ title: 'Pool size', unit: PANEL_UNITS.count, targets: [target(promql`sum(${sel(worker.metrics.poolSize, q)})`)] }),
      timeseries({
        title: 'Worker utilization',
        unit: PANEL_UNITS.ratio,
        min: 0,
        max: 1,
        targets: [target(promql`avg by (queue) (${sel(worker.metrics.utilization, q)})`, '{{queue}}')],
      }),
    ]),
  ],
});
