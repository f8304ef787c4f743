import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import { scrape } from 'sextant/packs/prometheus';
import config from '../sextant.config.ts';
import apiJob from '../scrape/api.ts';
import workerJob from '../scrape/worker.ts';
import { PLATFORM_ESCALATION } from './shared/platform.ts';
import { API, NODE, WORKER } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { up } = scrape.metrics;
/**
 * The application's own jobs: they run in every deployment, so their absence is a fault, not a
 * deployment without them (the platform jobs differ between compose and Kubernetes).
 */
const api = apiJob.name;
const worker = workerJob.name;
const API_2 = { ...API, instance: 'api-2:9464' } as const;
const WORKER_2 = { ...WORKER, instance: 'worker-2:9464' } as const;
const target = (labels: { job: string; instance: string }, values: string) => input(up, labels, values);
/** `count` targets of the api job, the first `down` of them down. */
const apis = (count: number, down: number) => Array.from({ length: count }, (_, i) => target({ ...API, instance: `api-${i + 1}:9464` }, i < down ? '0x30' : '1x30'));

export default defineRules({
  name: 'targets',
  title: 'Scrape targets',
  alerts: [
    alert({
      name: 'TargetDown',
      severity: 'warning',
      expr: promql`count by (job) (${up} == 0) / count by (job) (${up}) > ${t.targetsDownRatio}`,
      for: '5m',
      scenario: { target: WORKER, series: (isUp, s) => [target({ ...s.target }, s.gauge(isUp))] },
      summary: '{{ $labels.job }} targets are down',
      description: '{{ $value | humanizePercentage }} of the targets of job {{ $labels.job }} have not answered scrapes for 5 minutes.',
      blindSpot: 'A job whose targets all leave service discovery takes its up series along: JobMissing reports it, and JobDown pages for the application\'s jobs.',
      runbook: {
        meaning: 'Targets stopped answering scrapes: they are down, or unreachable, and their metrics and alerts are blind. Per job, so one replica of many opens a ticket, not a page.',
        causes: ['The process crashed or was stopped.', 'Network or DNS trouble between Prometheus and the target.', 'The scrape times out (an overloaded target), or exceeds its sample limit (PrometheusSampleLimitHit).'],
        checks: ['Prometheus targets page: the scrape error of each target of the job.', 'The process and its logs.', 'scrape_duration_seconds of the target before it went down.'],
        fix: ['Restart the process if it is down; fix the network path or DNS if Prometheus cannot reach it.', 'If the scrape times out or hits its sample limit, reduce what the target exposes or raise the limit in scrape/.'],
        escalation: PLATFORM_ESCALATION,
        query: promql`${up} == 0`,
        panel: { dashboard: 'prometheus', panel: 'Targets up by job' },
      },
      tests: [
        fires('the only worker does not answer', {
          at: '10m',
          series: [target(WORKER, '0x30')],
          alerts: [{ labels: { job: 'worker' }, summary: 'worker targets are down', description: '100% of the targets of job worker have not answered scrapes for 5 minutes.' }],
        }),
        fires('one api of two is down', {
          at: '10m',
          series: [target(API, '0x30'), target(API_2, '1x30')],
          alerts: [{ labels: { job: 'api' }, summary: 'api targets are down', description: '50% of the targets of job api have not answered scrapes for 5 minutes.' }],
        }),
        silent('one api of ten is down: at the threshold', { at: '10m', series: apis(10, 1) }),
        silent('every target answers', { at: '10m', series: [target(WORKER, '1x30'), target(API, '1x30')] }),
        pending('down for less than 5 minutes', { at: '4m', series: [target(WORKER, '0x30')] }),
      ],
    }),
    alert({
      name: 'JobMissing',
      severity: 'warning',
      // Jobs seen within a day and without a target now: no fixed list, so it holds in every deployment (compose, Kubernetes).
      expr: promql`group by (job) (max_over_time(${up}[1d])) unless on (job) group by (job) (${up})`,
      for: '5m',
      noScenario: 'A set difference of jobs, with no number to vary: the tests cover a job gone, a job still there, and one gone for more than a day.',
      summary: 'Job {{ $labels.job }} has no target any more',
      description: 'Prometheus scraped job {{ $labels.job }} within the last day and has found no target of it for 5 minutes.',
      runbook: {
        meaning: 'Service discovery no longer finds any target of a job it scraped within a day: its metrics and every alert on them are gone, silently. It resolves by itself a day after a job is removed on purpose.',
        causes: ['The workload was deleted or scaled to zero.', 'Its labels, port name or namespace no longer match the scrape configuration (a PodMonitor selector, a relabelling).', 'The job was removed from the configuration on purpose.'],
        checks: ['Prometheus service discovery page: the job\'s discovered and dropped targets.', '`kubectl get pods -l app=<job> --show-labels` (or `docker compose ps`).'],
        fix: ['Bring the workload back, or restore the labels the scrape configuration selects.', 'If the job was removed on purpose, silence this alert for a day.'],
        escalation: PLATFORM_ESCALATION,
        query: promql`group by (job) (max_over_time(${up}[1d])) unless on (job) group by (job) (${up})`,
        panel: { dashboard: 'prometheus', panel: 'Targets up by job' },
      },
      tests: [
        fires('the node exporters left service discovery', {
          at: '30m',
          series: [target(NODE, '1x10'), target(WORKER, '1x40')],
          alerts: [{ labels: { job: 'node-exporter' }, summary: 'Job node-exporter has no target any more', description: 'Prometheus scraped job node-exporter within the last day and has found no target of it for 5 minutes.' }],
        }),
        silent('every job still has a target, up or down', { at: '30m', series: [target(NODE, '0x40'), target(WORKER, '1x40')] }),
        silent('gone for more than a day: removed on purpose', { at: '1d1h', series: [target(NODE, '1x10'), target(WORKER, '1x1600')] }),
        pending('gone for less than 5 minutes', { at: '18m', series: [target(NODE, '1x10'), target(WORKER, '1x40')] }),
      ],
    }),
    alert({
      name: 'JobDown',
      severity: 'critical',
      impact: 'No replica of the api (nothing answers users) or of the worker (no task is processed) is reachable, and the alerts on their own metrics are blind.',
      // NoActiveWorkers fires on the same outage of the worker job (its absent_over_time() branch, a
      // minute after this one): one page.
      supersedes: ['TargetDown', 'JobMissing', 'NoActiveWorkers'],
      expr: promql`sum by (job) (${up}{job=~"${api}|${worker}"}) == 0 or absent(${up}{job="${api}"}) or absent(${up}{job="${worker}"})`,
      for: '2m',
      summary: 'No {{ $labels.job }} target is up',
      description: 'Prometheus has scraped no target of job {{ $labels.job }} for 2 minutes: every one is down, or none is discovered.',
      noScenario: 'It fires on every target down or none at all: its tests list both, and a threshold has no edge to probe.',
      runbook: {
        meaning: 'The whole job is gone: every replica is down, or service discovery finds none. Its users get nothing, and every alert on its own metrics has gone silent with it.',
        causes: ['A release whose processes all fail to start.', 'The deployment scaled to zero or deleted; the pods\' labels no longer match the scrape configuration.', 'The network between Prometheus and the job.'],
        checks: ['Prometheus targets page and service discovery page for the job.', '`kubectl get pods -l app=<job>` (or `docker compose ps`).', 'The last deploy.'],
        fix: ['If a release caused it, roll it back.', 'Start the processes again (kubectl rollout restart, docker compose up -d).', 'If they run but are not discovered, fix the labels or the scrape configuration.'],
        escalation: PLATFORM_ESCALATION,
        query: promql`sum by (job) (${up}{job=~"${api}|${worker}"})`,
        panel: { dashboard: 'prometheus', panel: 'Targets up by job' },
      },
      tests: [
        fires('both api targets down', {
          at: '5m',
          series: [target(API, '0x30'), target(API_2, '0x30'), target(WORKER, '1x30')],
          alerts: [{ labels: { job: 'api' }, summary: 'No api target is up', description: 'Prometheus has scraped no target of job api for 2 minutes: every one is down, or none is discovered.' }],
        }),
        fires('the worker gone from service discovery: no up series at all', {
          at: '5m',
          series: [target(API, '1x30')],
          alerts: [{ labels: { job: 'worker' }, summary: 'No worker target is up', description: 'Prometheus has scraped no target of job worker for 2 minutes: every one is down, or none is discovered.' }],
        }),
        silent('one api of two still up', { at: '5m', series: [target(API, '0x30'), target(API_2, '1x30'), target(WORKER, '1x30'), target(WORKER_2, '0x30')] }),
        pending('down for less than 2 minutes', { at: '1m', series: [target(API, '0x30'), target(WORKER, '1x30')] }),
      ],
    }),
  ],
});
