/**
 * alerts/<service>.ts: one recording rule and one alert that meet every check (traffic floor,
 * scenario with an idle case, runbook with fix and escalation, a panel), each with its tests.
 */
import { ALERT_PANEL, DASHBOARD_NAME, SERVICE_PORT, type ProjectNames } from '../names.ts';

export function alertsFile(names: ProjectNames): string {
  const { service } = names;
  return `import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import http from '../catalog/${service}.ts';
import config from '../sextant.config.ts';

const t = config.alerts.thresholds;
const { requests } = http.metrics;

/** One target of the ${service} job, as Prometheus labels its series, and a route of the catalogue. */
const target = { job: '${service}', instance: '${service}:${SERVICE_PORT}' } as const;
const route = '/api/items';
/** Requests to the route answered with a status class, as a promtool series: '0+90x30' is 90 more each minute. */
const answered = (status_class: '2xx' | '5xx', values: string) => input(requests, { ...target, method: 'GET', route, status_class }, values);

export const errorRatio = recordingRule({
  record: 'job:http_requests_errors:ratio_rate5m',
  // A healthy service has no 5xx series at all: the \`or\` makes that a 0, not an empty ratio.
  expr: promql\`
    (sum by (job) (rate(\${requests}{status_class="5xx"}[5m])) or 0 * sum by (job) (rate(\${requests}[5m])))
    /
    sum by (job) (rate(\${requests}[5m]))
  \`,
  tests: [
    evaluates('is 5xx answers over all answers', { at: '10m', series: [answered('2xx', '0+90x20'), answered('5xx', '0+30x20')], samples: [{ labels: { job: '${service}' }, value: 0.25 }] }),
    evaluates('is zero, not empty, when nothing fails', { at: '10m', series: [answered('2xx', '0+90x20')], samples: [{ labels: { job: '${service}' }, value: 0 }] }),
  ],
});

export default defineRules({
  name: '${service}',
  title: '${names.title}',
  recording: [errorRatio],
  alerts: [
    alert({
      name: '${names.alert}',
      // A warning opens a ticket. Make it critical (it pages) once you have stated its impact: impact: '…'.
      severity: 'warning',
      // The traffic floor: one 5xx among six requests is 17 %, and no reason to wake anyone.
      expr: promql\`\${errorRatio} > \${t.errorRatio} and sum by (job) (rate(\${requests}[5m])) > \${t.minRequestsPerSecond}\`,
      for: '5m',
      summary: 'Many requests fail on {{ $labels.job }}',
      description: '{{ $value | humanizePercentage }} of requests to {{ $labels.job }} failed with a 5xx status over the last 5 minutes.',
      runbook: {
        meaning: 'A large share of requests fail on the server side: users see errors.',
        causes: ['A dependency (database, cache, another API) is down or slow.', 'A bad deploy.', 'The service ran out of memory, connections or file descriptors.'],
        checks: ['The ${names.title} dashboard: which routes fail.', 'The service logs for stack traces.', 'Recent deploys.'],
        fix: ['If a deploy started it, roll it back.', 'If one dependency fails, follow its runbook; restart the service only if its connections to it are stuck.'],
        escalation: 'The team owning ${service}; if it lasts 30 minutes, its on-call lead.',
        query: promql\`sum by (job, route, status_class) (rate(\${requests}{status_class="5xx"}[5m]))\`,
        panel: { dashboard: '${DASHBOARD_NAME}', panel: '${ALERT_PANEL}' },
      },
      // What the generated edge cases feed the alert: a given error ratio, and a service without traffic.
      scenario: {
        target,
        series: (ratio, s) => [
          input(requests, { ...s.target, method: 'GET', route, status_class: '5xx' }, s.counter(10 * ratio)),
          input(requests, { ...s.target, method: 'GET', route, status_class: '2xx' }, s.counter(10 * (1 - ratio))),
        ],
        idle: (s) => [input(requests, { ...s.target, method: 'GET', route, status_class: '2xx' }, s.counter(0))],
      },
      tests: [
        fires('10% of requests fail', {
          at: '15m',
          series: [answered('2xx', '0+90x30'), answered('5xx', '0+10x30')],
          alerts: [
            {
              labels: { job: '${service}' },
              summary: 'Many requests fail on ${service}',
              description: '10% of requests to ${service} failed with a 5xx status over the last 5 minutes.',
            },
          ],
        }),
        silent('4% of requests fail, under the threshold', { at: '15m', series: [answered('2xx', '0+96x30'), answered('5xx', '0+4x30')] }),
        silent('one 5xx among six requests in 5 minutes: under the traffic floor', { at: '15m', series: [answered('2xx', '0+1x30'), answered('5xx', '0+0.2x30')] }),
        pending('failing for less than 5 minutes', { at: '4m', series: [answered('2xx', '0+90x30'), answered('5xx', '0+10x30')] }),
      ],
    }),
  ],
});
`;
}
