import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import worker from '../catalog/worker.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { latencyRules } from './shared/latency.ts';
import { WORKER } from './shared/targets.ts';

export const processingLatency = latencyRules(worker.metrics.processingDuration, ['queue'], { ...WORKER, queue: 'default', job_type: 'email' }, ['p95']);

const { running } = worker.metrics;
const replica = (instance: string, values: string) => input(running, { ...WORKER, instance, queue: 'default' }, values);
const description = 'No worker of {{ $labels.job }} consumes queue {{ $labels.queue }}: its jobs pile up unprocessed.';

export default defineRules({
  name: 'worker',
  title: 'Workers',
  recording: [...processingLatency.all],
  alerts: [
    alert({
      name: 'NoActiveWorkers',
      severity: 'critical',
      impact: 'Nothing processes the tasks users submit: they wait until a worker comes back.',
      // Per job: one idle replica is fine while another works. When the workers' series are gone (the
      // process crashed, the pool scaled to zero) JobDown pages for the worker job: an absent() branch
      // here would page for the same outage a minute before it (this for is 1m, JobDown's 2m).
      expr: promql`sum by (job, queue) (${running}) < 1`,
      blindSpot: 'JobDown pages when the worker job has no target up, or none at all: the workers\' series are gone then.',
      for: '1m',
      summary: 'No worker consumes queue {{ $labels.queue }}',
      description,
      runbook: {
        meaning: 'Nothing drains the queue: every job submitted to it waits until a worker comes back.',
        causes: ['Every worker of the pool is stuck or busy elsewhere, or was told to stop consuming this queue.', 'Workers cannot reach the queue.'],
        checks: ['Workers dashboard and the worker process logs.', 'Service health dashboard: restarts of the worker.', 'JobDown and TargetDown for the worker job.'],
        fix: [
          "If the workers are stuck (one long job, a deadlock), read their logs and restart them (kubectl rollout restart deployment/worker, or the stack's worker process).",
          'If they run but consume nothing, check their connection to the queue and which queues they are told to consume, and restart them.',
          'If the worker processes are gone, JobDown has paged for them: follow its runbook.',
        ],
        escalation: APP_ESCALATION,
        query: promql`sum by (job, instance, queue) (${running})`,
        panel: { dashboard: 'jobs', panel: 'Workers running' },
      },
      scenario: { target: WORKER, series: (workers, s) => [input(running, { ...s.target, queue: 'default' }, s.gauge(workers))] },
      tests: [
        fires('no worker runs', {
          at: '5m',
          series: [replica('worker:9464', '0x10')],
          alerts: [{ labels: { job: 'worker', queue: 'default' }, summary: 'No worker consumes queue default', description: 'No worker of worker consumes queue default: its jobs pile up unprocessed.' }],
        }),
        silent('one worker runs', { at: '5m', series: [replica('worker:9464', '1x10')] }),
        silent('one replica is idle while another works', { at: '5m', series: [replica('worker:9464', '0x10'), replica('worker-2:9464', '1x10')] }),
        pending('no worker for less than a minute', { at: '30s', series: [replica('worker:9464', '0x10')] }),
      ],
    }),
  ],
});
