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
      // Per job: one idle replica is fine while another works. And when the workers' series are gone
      // (the process crashed, the cause the runbook names first) the sum is empty, not 0: the absent
      // branch fires then, with the job label of its matcher. Over 2m, so that it holds a minute past
      // JobDown's for of 2m, which pages for that outage first and silences this one (supersedes).
      expr: promql`sum by (job, queue) (${running}) < 1 or absent_over_time(${running}{job="worker"}[2m])`,
      for: '1m',
      summary: 'No worker consumes queue {{ $labels.queue }}',
      description,
      runbook: {
        meaning: 'Nothing drains the queue: every job submitted to it waits until a worker comes back.',
        causes: ['The worker pool crashed or was scaled to zero (then its series are gone too).', 'Workers cannot reach the queue.'],
        checks: ['Workers dashboard and the worker process logs.', 'Service health dashboard: restarts of the worker.', 'TargetDown alerts for the worker job.'],
        fix: [
          'If the worker processes are gone, start them again (kubectl rollout restart deployment/worker, or the stack\'s worker process) and read the crash in their logs.',
          'If they run but consume nothing, check their connection to the queue and restart them.',
          'If the pool was scaled to zero, scale it back (the autoscaler\'s minimum must be at least 1).',
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
        fires("the workers' series are gone", {
          at: '5m',
          series: [],
          alerts: [{ labels: { job: 'worker' }, summary: 'No worker consumes queue ', description: 'No worker of worker consumes queue : its jobs pile up unprocessed.' }],
        }),
        silent('one worker runs', { at: '5m', series: [replica('worker:9464', '1x10')] }),
        silent('one replica is idle while another works', { at: '5m', series: [replica('worker:9464', '0x10'), replica('worker-2:9464', '1x10')] }),
        pending('no worker for less than a minute', { at: '30s', series: [replica('worker:9464', '0x10')] }),
      ],
    }),
  ],
});
