import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import service from '../catalog/service.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { WORKER } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { restarts, state } = service.metrics;
const restartSeries = (values: string) => input(restarts, { ...WORKER, service: 'scheduler', reason: 'failure' }, values);
const failedState = (values: string) => input(state, { ...WORKER, service: 'scheduler', state: 'failed' }, values);

export default defineRules({
  name: 'service',
  title: 'Service lifecycle',
  alerts: [
    alert({
      name: 'ServiceRestartingOften',
      severity: 'warning',
      expr: promql`sum by (job, service) (increase(${restarts}[1h])) > ${t.serviceRestartsPerHour}`,
      for: '5m',
      summary: '{{ $labels.service }} keeps restarting',
      description: '{{ $labels.service }} restarted {{ $value | humanize }} times in the last hour.',
      runbook: {
        meaning: 'A service crashes or is restarted over and over; each restart drops in-flight work.',
        causes: ['A crash loop after a bad deploy or bad configuration.', 'Memory limits killing the process.', 'A dependency failing its start-up checks.'],
        checks: ['Service health dashboard: restarts by reason.', 'The service logs just before each restart.', 'ProcessMemoryHigh alerts for the same service.'],
        fix: ['Read the log lines before a restart: roll back the deploy or configuration that causes the crash.', 'If memory limits kill it, follow ProcessMemoryHigh.'],
        escalation: APP_ESCALATION,
        query: promql`sum by (job, service, reason) (increase(${restarts}[1h]))`,
        panel: { dashboard: 'service_health', panel: 'Restarts by reason' },
      },
      scenario: { target: WORKER, series: (perHour, s) => [input(restarts, { ...s.target, service: 'scheduler', reason: 'failure' }, s.counter(perHour / 3600))] },
      tests: [
        fires('a restart every minute', {
          at: '60m',
          series: [restartSeries('0+1x60')],
          alerts: [{ labels: { job: 'worker', service: 'scheduler' }, summary: 'scheduler keeps restarting', description: 'scheduler restarted 60 times in the last hour.' }],
        }),
        silent('three restarts in an hour', { at: '60m', series: [restartSeries('0+1x3 3x57')] }),
        pending('restarting for less than 5 minutes past the threshold', { at: '8m', series: [restartSeries('0+1x60')] }),
      ],
    }),
    alert({
      name: 'ServiceFailed',
      // A cause: what users feel of it (jobs not run, errors) pages through the symptom alerts.
      severity: 'warning',
      // Once per job: a service failed in any replica, not one alert per replica.
      expr: promql`max by (job, service) (${state}{state="failed"}) == 1`,
      for: '1m',
      summary: '{{ $labels.service }} has failed',
      description: '{{ $labels.service }} of {{ $labels.job }} is in the failed state.',
      runbook: {
        meaning: 'A service of the system stopped working and did not recover by itself.',
        causes: ['A crash the supervisor gave up restarting.', 'A dependency it cannot start without.'],
        checks: ['Service health dashboard.', 'The service logs.', 'Restart it once the cause is understood.'],
        fix: ['Fix what it cannot start without (a dependency, its configuration), then restart it.', 'If a deploy broke it, roll back.'],
        escalation: APP_ESCALATION,
        query: promql`${state}{state="failed"}`,
        panel: { dashboard: 'service_health', panel: 'Service state' },
      },
      scenario: { target: WORKER, series: (failed, s) => [input(state, { ...s.target, service: 'scheduler', state: 'failed' }, s.gauge(failed))] },
      tests: [
        fires('the scheduler failed', {
          at: '5m',
          series: [failedState('1x10')],
          alerts: [{ labels: { job: 'worker', service: 'scheduler' }, summary: 'scheduler has failed', description: 'scheduler of worker is in the failed state.' }],
        }),
        silent('the scheduler is not failed', { at: '5m', series: [failedState('0x10')] }),
        pending('failed for less than a minute', { at: '30s', series: [failedState('1x10')] }),
      ],
    }),
  ],
});
