import { alert, defineRules, fires, input, pending, promql, silent } from '#sextant';
import worker from '../catalog/worker.ts';
import { latencyRules } from './shared/latency.ts';
import { WORKER } from './shared/targets.ts';

export const processingLatency = latencyRules(worker.metrics.processingDuration, ['queue'], { ...WORKER, queue: 'default', job_type: 'email' }, ['p95']);

const running = (values: string) => input(worker.metrics.running, { ...WORKER, queue: 'default' }, values);

export default defineRules({
  name: 'worker',
  title: 'Workers',
  recording: [...processingLatency.all],
  alerts: [
    alert({
      name: 'NoActiveWorkers',
      severity: 'critical',
      expr: promql`${worker.metrics.running} < 1`,
      for: '1m',
      summary: 'No worker consumes queue {{ $labels.queue }}',
      description: 'No worker on {{ $labels.instance }} is consuming queue {{ $labels.queue }}: its jobs pile up unprocessed.',
      runbook: {
        meaning: 'Nothing drains the queue: every job submitted to it waits until a worker comes back.',
        causes: ['The worker pool crashed or was scaled to zero.', 'Workers cannot reach the queue.'],
        checks: ['Workers dashboard and the worker process logs.', 'Service health dashboard: restarts of the worker.', 'TargetDown alerts for the worker job.'],
      },
      tests: [
        fires('no worker runs', {
          at: '5m',
          series: [running('0x10')],
          alerts: [{ labels: { ...WORKER, queue: 'default' }, summary: 'No worker consumes queue default', description: 'No worker on worker:9464 is consuming queue default: its jobs pile up unprocessed.' }],
        }),
        silent('one worker runs', { at: '5m', series: [running('1x10')] }),
        pending('no worker for less than a minute', { at: '30s', series: [running('0x10')] }),
      ],
    }),
  ],
});
