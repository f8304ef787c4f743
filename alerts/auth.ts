import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import auth from '../catalog/auth.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { API } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { loginAttempts } = auth.metrics;
const logins = (failed: number, succeeded: number) => [
  input(loginAttempts, { ...API, status: 'failed', method: 'password' }, `0+${failed}x30`),
  input(loginAttempts, { ...API, status: 'success', method: 'password' }, `0+${succeeded}x30`),
];

export const failedLoginRatio = recordingRule({
  record: 'job:auth_login_attempts_failed:ratio_rate5m',
  expr: promql`sum by (job) (rate(${loginAttempts}{status="failed"}[5m])) / sum by (job) (rate(${loginAttempts}[5m]))`,
  tests: [evaluates('is failed over all attempts', { at: '10m', series: logins(25, 75), samples: [{ labels: { job: 'api' }, value: 0.25 }] })],
});

export default defineRules({
  name: 'auth',
  title: 'Authentication',
  recording: [failedLoginRatio],
  alerts: [
    alert({
      name: 'FailedLoginRatioHigh',
      severity: 'warning',
      // A floor of traffic: two mistyped passwords out of three attempts are one user, not an attack.
      expr: promql`${failedLoginRatio} > ${t.failedLoginRatio} and sum by (job) (rate(${loginAttempts}[5m])) > ${t.loginsMinPerSecond}`,
      for: '5m',
      summary: 'Many failed logins on {{ $labels.job }}',
      description: '{{ $value | humanizePercentage }} of login attempts on {{ $labels.job }} fail.',
      runbook: {
        meaning: 'An unusual share of logins fail: an attack (credential stuffing) or a broken login flow.',
        causes: ['Credential stuffing or brute force.', 'A broken identity provider or OAuth configuration.', 'A client sending bad credentials after a change.'],
        checks: ['HTTP API dashboard: /auth/login traffic and status codes.', 'Login attempts by method.', 'The audit log for the sources of the failures.'],
        fix: [
          'If the failures come from few sources, block them at the edge (rate limit or deny list) and tell security.',
          'If every method fails, fix the identity provider or roll back the change to the login flow.',
        ],
        escalation: `${APP_ESCALATION} Suspected attacks go to the security on-call at once.`,
        query: promql`sum by (job, method, status) (rate(${loginAttempts}[5m]))`,
        panel: { dashboard: 'business', panel: 'Failed login ratio' },
      },
      scenario: {
        target: API,
        series: (ratio, s) => [
          input(loginAttempts, { ...s.target, status: 'failed', method: 'password' }, s.counter(ratio)),
          input(loginAttempts, { ...s.target, status: 'success', method: 'password' }, s.counter(1 - ratio)),
        ],
        idle: (s) => [input(loginAttempts, { ...s.target, status: 'success', method: 'password' }, s.counter(0))],
      },
      tests: [
        fires('40% of logins fail', {
          at: '15m',
          series: logins(40, 60),
          alerts: [{ labels: { job: 'api' }, summary: 'Many failed logins on api', description: '40% of login attempts on api fail.' }],
        }),
        silent('25% of logins fail, under the threshold', { at: '15m', series: logins(25, 75) }),
        silent('two of three logins fail, under the traffic floor', { at: '15m', series: logins(0.2, 0.1) }),
        pending('failing for less than 5 minutes', { at: '4m', series: logins(40, 60) }),
      ],
    }),
  ],
});
