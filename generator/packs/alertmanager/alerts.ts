/**
 * The alerting pipeline: the Watchdog, which proves it works end to end, and Alertmanager watching
 * itself, after alertmanager-mixin (prometheus/alertmanager doc/alertmanager-mixin/alerts.libsonnet).
 * Alertmanager's own failures carry notify="meta" and go to the meta receiver, not through the
 * page and ticket receivers whose failure they report; the Watchdog (`vector(1)`) goes to the dead
 * man's switch (generator/render/alertmanager-config.ts routes both).
 */
import { alert, defineRules, fires, input, pending, promql, silent, type PackSettings, type RulesDef } from '../../index.ts';
import { humanizePercentage, ratiosAround } from '../prometheus/alerts.ts';
import { domain } from './domain.ts';
import type { AlertmanagerThresholds } from './index.ts';

export function alertmanagerRules({ thresholds: t, job, escalation }: PackSettings<AlertmanagerThresholds>): RulesDef {
  const am = domain.metrics;
  /** Alertmanager's target, as the tests' input series carry it. */
  const ALERTMANAGER = { job, instance: 'alertmanager:9093' };
  const META = { notify: 'meta' } as const;
  const webhook = { ...ALERTMANAGER, integration: 'webhook' };
  const panel = (title: string) => ({ dashboard: 'alertmanager', panel: title });

  const failures = ratiosAround(t.alertmanagerNotificationFailureRatio);
  const reloaded = (values: string) => input(am.configReloadSuccessful, { ...ALERTMANAGER }, values);
  /** Notifications of the webhook integration per minute, `failedPerMinute` of them failing with a server error. */
  const notifications = (perMinute: number, failedPerMinute: number) => [
    input(am.notifications, webhook, `0+${perMinute}x40`),
    input(am.notificationsFailed, { ...webhook, reason: 'serverError' }, `0+${failedPerMinute}x40`),
    input(am.notificationsFailed, { ...webhook, reason: 'clientError' }, '0x40'),
  ];

  return defineRules({
    name: 'alertmanager',
    title: 'Alerting pipeline (Watchdog, Alertmanager)',
    alerts: [
      alert({
        name: 'Watchdog',
        severity: 'info',
        expr: promql`vector(1)`,
        for: '0s',
        summary: 'The alerting pipeline works',
        description: 'Always firing: the dead man\'s switch outside this system raises the alarm when these notifications stop.',
        noScenario: 'A heartbeat: it fires always, there is no quantity to vary.',
        runbook: {
          meaning:
            'Always firing, by design. Alertmanager sends it every minute to the dead man\'s switch (config alertmanager.deadMansSwitchUrl), a service outside this system that alerts when it stops hearing it: Prometheus, its rules, Alertmanager or the network between them is down.',
          causes: ['When the dead man\'s switch alerts: Prometheus or Alertmanager down, Prometheus not connected to Alertmanager, or the route to the switch broken.'],
          checks: ['Whether Prometheus and Alertmanager answer (/-/healthy).', 'ALERTS{alertname="Watchdog"} in Prometheus; the Watchdog in the Alertmanager UI.', 'The Alertmanager log for the deadmansswitch receiver.'],
          fix: ['Bring back whichever is down; check PrometheusNotConnectedToAlertmanagers and AlertmanagerNotificationsFailing once it is.', 'Never silence the Watchdog: a silence is exactly the failure the switch reports.'],
          escalation,
          query: promql`ALERTS{alertname="Watchdog"}`,
        },
        tests: [fires('always', { at: '1m', series: [], alerts: [{ labels: {}, summary: 'The alerting pipeline works', description: "Always firing: the dead man's switch outside this system raises the alarm when these notifications stop." }] })],
      }),
      alert({
        name: 'AlertmanagerConfigReloadFailed',
        severity: 'warning',
        labels: META,
        // max_over_time: a scrape that fails (the series missing once) must not restart the for.
        expr: promql`max_over_time(${am.configReloadSuccessful}[5m]) == 0`,
        for: '10m',
        scenario: { target: ALERTMANAGER, series: (ok, s) => [input(am.configReloadSuccessful, { ...s.target }, s.gauge(ok))] },
        blindSpot: 'The series goes only with Alertmanager\'s own target, which TargetDown reports; with Alertmanager down, the dead man\'s switch no longer hears the Watchdog.',
        summary: 'Alertmanager {{ $labels.instance }} runs on an old configuration',
        description: 'Alertmanager {{ $labels.instance }} could not load its configuration; routes and receivers are the previous ones.',
        runbook: {
          meaning: 'The last Alertmanager reload failed: routing changes are not in effect.',
          causes: ['An invalid alertmanager.yml.', 'A secret file it references is missing.'],
          checks: ['amtool check-config on the deployed file.', 'The Alertmanager log.'],
          fix: ['Deploy the generated generated/alertmanager/alertmanager.yml (npx sextant check runs amtool on it), or fix the secret it references; then `curl -X POST <alertmanager>/-/reload`.'],
          escalation,
          query: promql`${am.configReloadSuccessful}`,
          panel: panel('Alertmanager config loaded'),
        },
        tests: [
          fires('the reload failed', {
            at: '20m',
            series: [reloaded('1 0x30')],
            alerts: [
              {
                labels: { ...ALERTMANAGER, ...META },
                summary: 'Alertmanager alertmanager:9093 runs on an old configuration',
                description: 'Alertmanager alertmanager:9093 could not load its configuration; routes and receivers are the previous ones.',
              },
            ],
          }),
          fires('the reload failed, and one scrape of Alertmanager failed too', {
            at: '20m',
            series: [reloaded('1 0x7 _ 0x30')],
            alerts: [
              {
                labels: { ...ALERTMANAGER, ...META },
                summary: 'Alertmanager alertmanager:9093 runs on an old configuration',
                description: 'Alertmanager alertmanager:9093 could not load its configuration; routes and receivers are the previous ones.',
              },
            ],
          }),
          silent('the reload succeeded', { at: '20m', series: [reloaded('1x30')] }),
          pending('failed for less than 10 minutes', { at: '15m', series: [reloaded('1 0x30')] }),
        ],
      }),
      alert({
        name: 'AlertmanagerNotificationsFailing',
        severity: 'warning',
        labels: META,
        // A floor of three notifications in 5 minutes: one failed retry of a quiet integration is not a failure rate.
        expr: promql`sum without (reason) (rate(${am.notificationsFailed}[5m])) / rate(${am.notifications}[5m]) > ${t.alertmanagerNotificationFailureRatio} and increase(${am.notifications}[5m]) >= 3`,
        for: '5m',
        scenario: {
          target: ALERTMANAGER,
          series: (ratio, s) => [input(am.notifications, { ...s.target, integration: 'webhook' }, s.counter(1)), input(am.notificationsFailed, { ...s.target, integration: 'webhook', reason: 'serverError' }, s.counter(ratio))],
          idle: (s) => [input(am.notifications, { ...s.target, integration: 'webhook' }, s.counter(0)), input(am.notificationsFailed, { ...s.target, integration: 'webhook', reason: 'serverError' }, s.counter(0))],
        },
        summary: 'Alertmanager {{ $labels.instance }} fails to send {{ $labels.integration }} notifications',
        description: 'Alertmanager {{ $labels.instance }} fails {{ $value | humanizePercentage }} of its {{ $labels.integration }} notifications.',
        runbook: {
          meaning:
            'Notifications of one integration do not get through: the people on the receivers using it are not told. This alert goes to the meta receiver, which must use another integration or endpoint than the ones it watches.',
          causes: [
            'serverError or contextDeadlineExceeded: the receiver endpoint is down or too slow.',
            'clientError: the receiver rejects the request (wrong credentials, URL or payload in the receiver configuration).',
          ],
          checks: ['The Alertmanager log for the integration error.', 'Prometheus dashboard: Alertmanager notifications by integration.', 'The receiver endpoint itself.'],
          fix: ['serverError: restore the endpoint (or its provider\'s status page says when).', 'clientError: fix the receiver\'s URL or credentials in sextant.config.ts (alertmanager.*Url), generate and deploy.'],
          escalation,
          query: promql`sum by (integration, reason) (rate(${am.notificationsFailed}[5m]))`,
          panel: panel('Notifications by integration'),
        },
        tests: [
          fires(`${humanizePercentage(failures.failing)} of the webhook notifications fail`, {
            at: '15m',
            series: notifications(10, 10 * failures.failing),
            alerts: [
              {
                labels: { ...webhook, ...META },
                summary: 'Alertmanager alertmanager:9093 fails to send webhook notifications',
                description: `Alertmanager alertmanager:9093 fails ${humanizePercentage(failures.failing)} of its webhook notifications.`,
              },
            ],
          }),
          silent('half the threshold fails', { at: '15m', series: notifications(200, 200 * failures.passing) }),
          silent('one failed retry of two notifications in 5 minutes: under the traffic floor', { at: '15m', series: notifications(0.4, 0.2) }),
          silent('no notifications at all', { at: '15m', series: notifications(0, 0) }),
          pending('failing for less than 5 minutes', { at: '5m', series: notifications(10, 10 * failures.failing) }),
        ],
      }),
    ],
  });
}
