import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import business from '../catalog/business.ts';
import config from '../sextant.config.ts';
import { latencyRules } from './shared/latency.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { API } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { usersOnline, sseConnections, messageProcessingDuration, notificationProcessingDuration, userSearchDuration } = business.metrics;

export const messageLatency = latencyRules(messageProcessingDuration, [], { ...API }, ['p95']);
export const notificationLatency = latencyRules(notificationProcessingDuration, [], { ...API }, ['p95']);
export const searchLatency = latencyRules(userSearchDuration, [], { ...API }, ['p95']);

export default defineRules({
  name: 'business',
  title: 'Business usage',
  recording: [...messageLatency.all, ...notificationLatency.all, ...searchLatency.all],
  alerts: [
    alert({
      name: 'UsersOnlineLow',
      severity: 'info',
      expr: promql`sum by (job) (${usersOnline}) < ${t.usersOnlineMin}`,
      for: '30m',
      summary: 'Few users are online on {{ $labels.job }}',
      description: 'Only {{ $value | humanize }} users are online on {{ $labels.job }}.',
      runbook: {
        meaning: 'Usage is unusually low. Informational: worth a look during business hours, never a page.',
        causes: ['Users cannot log in or reach the service.', 'A quiet period.'],
        checks: ['FailedLoginRatioHigh and HTTP error alerts.', 'Business dashboard trends.'],
        fix: ['If logins or the API fail, follow those alerts.', 'Otherwise nothing to fix: note the dip for the product team.'],
        escalation: 'The product team during business hours; never the on-call.',
        query: promql`sum by (job) (${usersOnline})`,
        panel: { dashboard: 'business', panel: 'Users online' },
      },
      blindSpot: 'The gauge vanishes only with the API process: TargetDown covers that.',
      scenario: { target: API, series: (users, s) => [input(usersOnline, { ...s.target }, s.gauge(users))] },
      tests: [
        fires('five users online', {
          at: '40m',
          series: [input(usersOnline, { ...API }, '5x50')],
          alerts: [{ labels: { job: 'api' }, summary: 'Few users are online on api', description: 'Only 5 users are online on api.' }],
        }),
        silent('twelve users online', { at: '40m', series: [input(usersOnline, { ...API }, '12x50')] }),
        pending('low for less than 30 minutes', { at: '20m', series: [input(usersOnline, { ...API }, '5x50')] }),
      ],
    }),
    alert({
      name: 'NoActiveSseConnections',
      severity: 'warning',
      expr: promql`sum by (job) (${sseConnections}) == 0`,
      for: '10m',
      summary: 'No notification streams are open on {{ $labels.job }}',
      description: 'No client holds a server-sent-event stream open on {{ $labels.job }}: notifications reach nobody.',
      runbook: {
        meaning: 'No client listens for notifications; usually the stream endpoint is broken, not the users gone.',
        causes: ['The SSE endpoint fails or a proxy buffers or cuts the streams.', 'The notification service restarted and clients did not reconnect.'],
        checks: ['HTTP errors on the stream route.', 'Proxy timeouts and buffering settings.'],
        fix: [
          'If the stream route answers errors, fix or roll back the notification service.',
          'If a proxy cuts or buffers the streams, restore its streaming settings (no buffering, long read timeout).',
          'After a restart, clients reconnect on their own within a minute; if they do not, ship the client fix.',
        ],
        escalation: APP_ESCALATION,
        query: promql`sum by (job, instance) (${sseConnections})`,
        panel: { dashboard: 'business', panel: 'Notification streams' },
      },
      blindSpot: 'The gauge vanishes only with the API process: TargetDown covers that.',
      scenario: { target: API, series: (streams, s) => [input(sseConnections, { ...s.target }, s.gauge(streams))] },
      tests: [
        fires('no streams', {
          at: '15m',
          series: [input(sseConnections, { ...API }, '0x20')],
          alerts: [{ labels: { job: 'api' }, summary: 'No notification streams are open on api', description: 'No client holds a server-sent-event stream open on api: notifications reach nobody.' }],
        }),
        silent('three streams', { at: '15m', series: [input(sseConnections, { ...API }, '3x20')] }),
        pending('no streams for less than 10 minutes', { at: '5m', series: [input(sseConnections, { ...API }, '0x20')] }),
      ],
    }),
  ],
});
