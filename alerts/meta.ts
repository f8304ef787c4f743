import { alert, defineRules, fires, input, pending, promql, silent } from '#sextant';
import alertmanager from '../catalog/alertmanager.ts';
import prometheus from '../catalog/prometheus.ts';
import { ALERTMANAGER, PROMETHEUS } from './shared/targets.ts';

const { configReloadSuccessful, ruleEvaluationFailures, notificationsDropped } = prometheus.metrics;
const am = alertmanager.metrics;
const group = { ...PROMETHEUS, rule_group: '/etc/prometheus/rules/http.rules.yml;http.alerts' } as const;

export default defineRules({
  name: 'meta',
  title: 'Meta-monitoring (Prometheus and Alertmanager)',
  alerts: [
    alert({
      name: 'PrometheusConfigReloadFailed',
      severity: 'warning',
      expr: promql`${configReloadSuccessful} == 0`,
      for: '10m',
      summary: 'Prometheus {{ $labels.instance }} runs on an old configuration',
      description: 'Prometheus {{ $labels.instance }} could not load its configuration; it keeps running on the previous one.',
      runbook: {
        meaning: 'The last configuration reload failed: changes to scrape jobs or rules are not in effect.',
        causes: ['A syntax or validation error in prometheus.yml or a rule file.', 'A rule file that is missing.'],
        checks: ['promtool check config on the deployed files.', 'The Prometheus log around the reload.'],
      },
      tests: [
        fires('the reload failed', {
          at: '15m',
          series: [input(configReloadSuccessful, { ...PROMETHEUS }, '0x20')],
          alerts: [
            {
              labels: { ...PROMETHEUS },
              summary: 'Prometheus localhost:9090 runs on an old configuration',
              description: 'Prometheus localhost:9090 could not load its configuration; it keeps running on the previous one.',
            },
          ],
        }),
        silent('the reload succeeded', { at: '15m', series: [input(configReloadSuccessful, { ...PROMETHEUS }, '1x20')] }),
        pending('failed for less than 10 minutes', { at: '5m', series: [input(configReloadSuccessful, { ...PROMETHEUS }, '0x20')] }),
      ],
    }),
    alert({
      name: 'PrometheusRuleEvaluationFailures',
      severity: 'critical',
      expr: promql`increase(${ruleEvaluationFailures}[5m]) > 0`,
      for: '5m',
      summary: 'Prometheus {{ $labels.instance }} fails to evaluate rules',
      description: 'Prometheus {{ $labels.instance }} failed {{ $value | humanize }} evaluations of {{ $labels.rule_group }} in the last 5 minutes.',
      runbook: {
        meaning: 'Rules fail to evaluate: recording rules have gaps and alerts may not fire.',
        causes: ['A query that errors at run time (many-to-many matching, for one).', 'Prometheus overloaded: queries time out.'],
        checks: ['The Prometheus rules page for the error.', 'The Prometheus log.'],
      },
      tests: [
        fires('a failure every minute', {
          at: '15m',
          series: [input(ruleEvaluationFailures, group, '0+1x20')],
          alerts: [
            {
              labels: { ...group },
              summary: 'Prometheus localhost:9090 fails to evaluate rules',
              description: 'Prometheus localhost:9090 failed 5 evaluations of /etc/prometheus/rules/http.rules.yml;http.alerts in the last 5 minutes.',
            },
          ],
        }),
        silent('no failures', { at: '15m', series: [input(ruleEvaluationFailures, group, '3x20')] }),
        pending('failing for less than 5 minutes', { at: '3m', series: [input(ruleEvaluationFailures, group, '0+1x20')] }),
      ],
    }),
    alert({
      name: 'PrometheusNotificationsDropped',
      severity: 'warning',
      expr: promql`increase(${notificationsDropped}[5m]) > 0`,
      for: '5m',
      summary: 'Prometheus {{ $labels.instance }} drops alert notifications',
      description: 'Prometheus {{ $labels.instance }} dropped {{ $value | humanize }} alert notifications in the last 5 minutes.',
      runbook: {
        meaning: 'Alerts are not reaching Alertmanager: nobody is notified of them.',
        causes: ['Alertmanager down or unreachable.', 'The notification queue is full.'],
        checks: ['Prometheus status page: Alertmanagers discovered.', 'TargetDown for alertmanager.', 'The Prometheus log.'],
      },
      tests: [
        fires('two drops a minute', {
          at: '15m',
          series: [input(notificationsDropped, { ...PROMETHEUS }, '0+2x20')],
          alerts: [
            {
              labels: { ...PROMETHEUS },
              summary: 'Prometheus localhost:9090 drops alert notifications',
              description: 'Prometheus localhost:9090 dropped 10 alert notifications in the last 5 minutes.',
            },
          ],
        }),
        silent('no drops', { at: '15m', series: [input(notificationsDropped, { ...PROMETHEUS }, '7x20')] }),
        pending('dropping for less than 5 minutes', { at: '3m', series: [input(notificationsDropped, { ...PROMETHEUS }, '0+2x20')] }),
      ],
    }),
    alert({
      name: 'AlertmanagerConfigReloadFailed',
      severity: 'warning',
      expr: promql`${am.configReloadSuccessful} == 0`,
      for: '10m',
      summary: 'Alertmanager {{ $labels.instance }} runs on an old configuration',
      description: 'Alertmanager {{ $labels.instance }} could not load its configuration; routes and receivers are the previous ones.',
      runbook: {
        meaning: 'The last Alertmanager reload failed: routing changes are not in effect.',
        causes: ['An invalid alertmanager.yml.', 'A secret file it references is missing.'],
        checks: ['amtool check-config on the deployed file.', 'The Alertmanager log.'],
      },
      tests: [
        fires('the reload failed', {
          at: '15m',
          series: [input(am.configReloadSuccessful, { ...ALERTMANAGER }, '0x20')],
          alerts: [
            {
              labels: { ...ALERTMANAGER },
              summary: 'Alertmanager alertmanager:9093 runs on an old configuration',
              description: 'Alertmanager alertmanager:9093 could not load its configuration; routes and receivers are the previous ones.',
            },
          ],
        }),
        silent('the reload succeeded', { at: '15m', series: [input(am.configReloadSuccessful, { ...ALERTMANAGER }, '1x20')] }),
        pending('failed for less than 10 minutes', { at: '5m', series: [input(am.configReloadSuccessful, { ...ALERTMANAGER }, '0x20')] }),
      ],
    }),
    alert({
      name: 'AlertmanagerNotificationsFailing',
      severity: 'warning',
      expr: promql`rate(${am.notificationsFailed}[5m]) > 0`,
      for: '5m',
      summary: 'Alertmanager {{ $labels.instance }} fails to send {{ $labels.integration }} notifications',
      description: 'Alertmanager {{ $labels.instance }} fails {{ $value | humanize }} {{ $labels.integration }} notifications per second ({{ $labels.reason }}).',
      runbook: {
        meaning: 'Notifications of one integration do not get through: the people on that receiver are not told.',
        causes: [
          'serverError or contextDeadlineExceeded: the receiver endpoint is down or too slow.',
          'clientError: the receiver rejects the request (wrong credentials, URL or payload in the receiver configuration).',
        ],
        checks: ['The Alertmanager log for the integration error.', 'The receiver endpoint itself.'],
      },
      tests: [
        fires('a failure every second', {
          at: '15m',
          series: [input(am.notificationsFailed, { ...ALERTMANAGER, integration: 'webhook', reason: 'serverError' }, '0+60x20')],
          alerts: [
            {
              labels: { ...ALERTMANAGER, integration: 'webhook', reason: 'serverError' },
              summary: 'Alertmanager alertmanager:9093 fails to send webhook notifications',
              description: 'Alertmanager alertmanager:9093 fails 1 webhook notifications per second (serverError).',
            },
          ],
        }),
        silent('no failures', { at: '15m', series: [input(am.notificationsFailed, { ...ALERTMANAGER, integration: 'webhook', reason: 'serverError' }, '4x20')] }),
        pending('failing for less than 5 minutes', { at: '3m', series: [input(am.notificationsFailed, { ...ALERTMANAGER, integration: 'webhook', reason: 'serverError' }, '0+60x20')] }),
      ],
    }),
  ],
});
