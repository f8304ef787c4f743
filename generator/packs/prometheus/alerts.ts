/**
 * Prometheus watching itself, after prometheus-mixin (prometheus/prometheus documentation/prometheus-mixin/alerts.libsonnet).
 * The alerts about delivering alerts carry notify="meta": Alertmanager sends them to a receiver of
 * their own (generator/render/alertmanager-config.ts). When Prometheus cannot reach any Alertmanager
 * none of them arrives: the Watchdog's silence at the dead man's switch (the alertmanager pack) is what reports that.
 */
import { alert, defineRules, fires, input, pending, promql, silent, type PackSettings, type RulesDef } from '../../index.ts';
import { domain } from './domain.ts';
import type { PrometheusThresholds } from './index.ts';

/**
 * The ratios a failure-ratio alert's hand-written tests use, from its threshold, so the tests hold
 * whatever threshold a project sets: ten times it (at most everything) fires, half of it does not.
 */
export function ratiosAround(threshold: number): { readonly failing: number; readonly passing: number } {
  return { failing: Math.min(1, Number((threshold * 10).toPrecision(2))), passing: threshold / 2 };
}

/** A ratio as Prometheus's humanizePercentage writes it (4 significant digits): 0.1 → 10%. */
export const humanizePercentage = (ratio: number): string => `${Number((ratio * 100).toPrecision(4))}%`;

export function prometheusRules({ thresholds: t, job, escalation }: PackSettings<PrometheusThresholds>): RulesDef {
  const p = domain.metrics;
  /** Prometheus's own target, as the tests' input series carry it. */
  const PROMETHEUS = { job, instance: 'localhost:9090' };
  const META = { notify: 'meta' } as const;
  const group = { ...PROMETHEUS, rule_group: '/etc/prometheus/rules/http.rules.yml;http.alerts' };
  const toAlertmanager = { ...PROMETHEUS, alertmanager: 'http://alertmanager:9093/api/v2/alerts' };
  const panel = (title: string) => ({ dashboard: 'prometheus', panel: title });

  const reloaded = (values: string) => input(p.configReloadSuccessful, { ...PROMETHEUS }, values);
  const sending = (sentPerMinute: number, errorsPerMinute: number) => [
    input(p.notificationsSent, toAlertmanager, `0+${sentPerMinute}x40`),
    input(p.notificationsErrors, toAlertmanager, `0+${errorsPerMinute}x40`),
  ];
  const errors = ratiosAround(t.prometheusNotificationErrorRatio);
  const queue = (length: string) => [input(p.notificationsQueueLength, { ...PROMETHEUS }, length), input(p.notificationsQueueCapacity, { ...PROMETHEUS }, '10000x60')];

  return defineRules({
    name: 'prometheus',
    title: 'Prometheus (meta-monitoring)',
    alerts: [
      alert({
        name: 'PrometheusConfigReloadFailed',
        severity: 'warning',
        // max_over_time: a scrape that fails (the series missing once) must not restart the for.
        expr: promql`max_over_time(${p.configReloadSuccessful}[5m]) == 0`,
        for: '10m',
        scenario: { target: PROMETHEUS, series: (ok, s) => [input(p.configReloadSuccessful, { ...s.target }, s.gauge(ok))] },
        blindSpot: 'The series goes only with Prometheus\'s own target, which TargetDown reports (and the Watchdog, when Prometheus is down).',
        summary: 'Prometheus {{ $labels.instance }} runs on an old configuration',
        description: 'Prometheus {{ $labels.instance }} could not load its configuration; it keeps running on the previous one.',
        runbook: {
          meaning: 'The last configuration reload failed: changes to scrape jobs or rules are not in effect.',
          causes: ['A syntax or validation error in prometheus.yml or a rule file.', 'A rule file that is missing.'],
          checks: ['promtool check config on the deployed files.', 'The Prometheus log around the reload.'],
          fix: ['Fix the file promtool names (or deploy the last generated one: npx sextant generate, then npx sextant check), then reload: `curl -X POST <prometheus>/-/reload`.'],
          escalation,
          query: promql`${p.configReloadSuccessful}`,
          panel: panel('Prometheus config loaded'),
        },
        tests: [
          fires('the reload failed', {
            at: '20m',
            series: [reloaded('1 0x30')],
            alerts: [
              {
                labels: { ...PROMETHEUS },
                summary: 'Prometheus localhost:9090 runs on an old configuration',
                description: 'Prometheus localhost:9090 could not load its configuration; it keeps running on the previous one.',
              },
            ],
          }),
          fires('the reload failed, and one scrape of Prometheus failed too', {
            at: '20m',
            series: [reloaded('1 0x7 _ 0x30')],
            alerts: [
              {
                labels: { ...PROMETHEUS },
                summary: 'Prometheus localhost:9090 runs on an old configuration',
                description: 'Prometheus localhost:9090 could not load its configuration; it keeps running on the previous one.',
              },
            ],
          }),
          silent('the reload succeeded', { at: '20m', series: [reloaded('1x30')] }),
          silent('a failed reload fixed within minutes', { at: '20m', series: [reloaded('1 0x2 1x30')] }),
          pending('failed for less than 10 minutes', { at: '15m', series: [reloaded('1 0x30')] }),
        ],
      }),
      alert({
        name: 'PrometheusRuleEvaluationFailures',
        severity: 'warning',
        expr: promql`increase(${p.ruleEvaluationFailures}[5m]) > 0`,
        for: '15m',
        scenario: { target: PROMETHEUS, series: (in5m, s) => [input(p.ruleEvaluationFailures, { ...group, ...s.target }, s.counter(in5m / 300))] },
        summary: 'Prometheus {{ $labels.instance }} fails to evaluate rules',
        description: 'Prometheus {{ $labels.instance }} failed {{ $value | humanize }} evaluations of {{ $labels.rule_group }} in the last 5 minutes.',
        runbook: {
          meaning: 'Rules fail to evaluate: recording rules have gaps and the alerts of that group may not fire.',
          causes: ['A query that errors at run time (many-to-many matching, for one).', 'Prometheus overloaded: queries time out.'],
          checks: ['The Prometheus rules page for the error.', 'The Prometheus log.'],
          fix: ['Fix the rule that errors (the rules page shows its last error), generate and deploy; for many-to-many matching, aggregate or add on()/ignoring().', 'If queries time out, see PrometheusMissingRuleEvaluations.'],
          escalation,
          query: promql`increase(${p.ruleEvaluationFailures}[5m]) > 0`,
          panel: panel('Rule evaluation problems'),
        },
        tests: [
          fires('a failure every minute', {
            at: '20m',
            series: [input(p.ruleEvaluationFailures, group, '0+1x30')],
            alerts: [
              {
                labels: { ...group },
                summary: 'Prometheus localhost:9090 fails to evaluate rules',
                description: 'Prometheus localhost:9090 failed 5 evaluations of /etc/prometheus/rules/http.rules.yml;http.alerts in the last 5 minutes.',
              },
            ],
          }),
          silent('no failures since long ago', { at: '20m', series: [input(p.ruleEvaluationFailures, group, '3x30')] }),
          pending('failing for less than 15 minutes', { at: '14m', series: [input(p.ruleEvaluationFailures, group, '0+1x30')] }),
        ],
      }),
      alert({
        name: 'PrometheusMissingRuleEvaluations',
        severity: 'warning',
        expr: promql`increase(${p.ruleGroupIterationsMissed}[5m]) > 0`,
        for: '15m',
        scenario: { target: PROMETHEUS, series: (in5m, s) => [input(p.ruleGroupIterationsMissed, { ...group, ...s.target }, s.counter(in5m / 300))] },
        summary: 'Prometheus {{ $labels.instance }} skips evaluations of {{ $labels.rule_group }}',
        description: 'Prometheus {{ $labels.instance }} missed {{ $value | humanize }} evaluations of {{ $labels.rule_group }} in the last 5 minutes: the group takes longer than its interval.',
        runbook: {
          meaning: 'A rule group takes longer to evaluate than its interval: Prometheus skips evaluations, so recording rules have gaps and alerts fire late.',
          causes: ['Expensive rules (wide aggregations over raw series).', 'Prometheus short of CPU, or queries from dashboards competing with rules.'],
          checks: ['Prometheus dashboard: rule group duration against its interval.', 'The rules page: evaluation time per rule.'],
          fix: ['Replace raw-series aggregations by recording rules the slow rule reads; split the group.', 'Give Prometheus more CPU.'],
          escalation,
          query: promql`${p.ruleGroupLastDuration} > on (job, instance, rule_group) ${p.ruleGroupInterval}`,
          panel: panel('Rule group duration'),
        },
        tests: [
          fires('a missed evaluation every minute', {
            at: '20m',
            series: [input(p.ruleGroupIterationsMissed, group, '0+1x30')],
            alerts: [
              {
                labels: { ...group },
                summary: 'Prometheus localhost:9090 skips evaluations of /etc/prometheus/rules/http.rules.yml;http.alerts',
                description: 'Prometheus localhost:9090 missed 5 evaluations of /etc/prometheus/rules/http.rules.yml;http.alerts in the last 5 minutes: the group takes longer than its interval.',
              },
            ],
          }),
          silent('none missed lately', { at: '20m', series: [input(p.ruleGroupIterationsMissed, group, '2x30')] }),
          pending('missing for less than 15 minutes', { at: '14m', series: [input(p.ruleGroupIterationsMissed, group, '0+1x30')] }),
        ],
      }),
      alert({
        name: 'PrometheusNotConnectedToAlertmanagers',
        severity: 'warning',
        labels: META,
        expr: promql`max_over_time(${p.alertmanagersDiscovered}[5m]) < 1`,
        for: '10m',
        scenario: { target: PROMETHEUS, series: (count, s) => [input(p.alertmanagersDiscovered, { ...s.target }, s.gauge(count))] },
        blindSpot: 'The series goes only with Prometheus\'s own target, which TargetDown reports (and the Watchdog, when Prometheus is down).',
        summary: 'Prometheus {{ $labels.instance }} has no Alertmanager',
        description: 'Prometheus {{ $labels.instance }} has not discovered any Alertmanager for 10 minutes: its alerts go nowhere.',
        runbook: {
          meaning: 'Prometheus evaluates alerts but has nowhere to send them. This alert itself reaches nobody through this Prometheus: the dead man\'s switch, no longer hearing the Watchdog, is what tells you.',
          causes: ['The alerting section of prometheus.yml is wrong, or its service discovery finds no pod.', 'Alertmanager is down.'],
          checks: ['Prometheus status page: runtime information, Alertmanagers.', 'TargetDown for the alertmanager job.'],
          fix: ['Start Alertmanager, or fix the alerting section of prometheus.yml (the generated one: generated/prometheus/) and reload.'],
          escalation,
          query: promql`${p.alertmanagersDiscovered}`,
          panel: panel('Notification queue'),
        },
        tests: [
          fires('no Alertmanager discovered', {
            at: '20m',
            series: [input(p.alertmanagersDiscovered, { ...PROMETHEUS }, '1 0x30')],
            alerts: [
              {
                labels: { ...PROMETHEUS, ...META },
                summary: 'Prometheus localhost:9090 has no Alertmanager',
                description: 'Prometheus localhost:9090 has not discovered any Alertmanager for 10 minutes: its alerts go nowhere.',
              },
            ],
          }),
          silent('one Alertmanager', { at: '20m', series: [input(p.alertmanagersDiscovered, { ...PROMETHEUS }, '1x30')] }),
          silent('lost for one evaluation only', { at: '20m', series: [input(p.alertmanagersDiscovered, { ...PROMETHEUS }, '1x10 0 1x20')] }),
          pending('none for less than 10 minutes', { at: '14m', series: [input(p.alertmanagersDiscovered, { ...PROMETHEUS }, '1 0x30')] }),
        ],
      }),
      alert({
        name: 'PrometheusErrorSendingAlerts',
        severity: 'warning',
        labels: META,
        // The floor: the Watchdog alone is resent every minute, so a healthy Prometheus always sends.
        expr: promql`rate(${p.notificationsErrors}[5m]) / rate(${p.notificationsSent}[5m]) > ${t.prometheusNotificationErrorRatio} and increase(${p.notificationsSent}[5m]) >= 3`,
        for: '15m',
        scenario: {
          target: PROMETHEUS,
          series: (ratio, s) => [input(p.notificationsSent, { ...toAlertmanager, ...s.target }, s.counter(1)), input(p.notificationsErrors, { ...toAlertmanager, ...s.target }, s.counter(ratio))],
          idle: (s) => [input(p.notificationsSent, { ...toAlertmanager, ...s.target }, s.counter(0)), input(p.notificationsErrors, { ...toAlertmanager, ...s.target }, s.counter(0))],
        },
        summary: 'Prometheus {{ $labels.instance }} fails to send alerts to {{ $labels.alertmanager }}',
        description: 'Prometheus {{ $labels.instance }} fails to send {{ $value | humanizePercentage }} of its alerts to {{ $labels.alertmanager }}.',
        runbook: {
          meaning: 'Alerts do not reach one Alertmanager: with several, the others still get them; with one, nobody is notified.',
          causes: ['Alertmanager down, overloaded, or unreachable (network, TLS, a wrong path).', 'Alerts rejected as invalid (the Alertmanager log says which).'],
          checks: ['Prometheus dashboard: alerts sent to Alertmanager.', 'The Prometheus log: "Error sending alert".', 'TargetDown for the alertmanager job.'],
          fix: ['Restore the Alertmanager or the path to it; fix the URL or TLS settings of the alerting section.'],
          escalation,
          query: promql`rate(${p.notificationsErrors}[5m]) / rate(${p.notificationsSent}[5m])`,
          panel: panel('Alerts sent to Alertmanager'),
        },
        tests: [
          fires(`${humanizePercentage(errors.failing)} of the alerts fail`, {
            at: '25m',
            series: sending(10, 10 * errors.failing),
            alerts: [
              {
                labels: { ...toAlertmanager, ...META },
                summary: 'Prometheus localhost:9090 fails to send alerts to http://alertmanager:9093/api/v2/alerts',
                description: `Prometheus localhost:9090 fails to send ${humanizePercentage(errors.failing)} of its alerts to http://alertmanager:9093/api/v2/alerts.`,
              },
            ],
          }),
          silent('half the threshold fails', { at: '25m', series: sending(200, 200 * errors.passing) }),
          silent('nothing sent, nothing failed', { at: '25m', series: sending(0, 0) }),
          pending('failing for less than 15 minutes', { at: '14m', series: sending(10, 10 * errors.failing) }),
        ],
      }),
      alert({
        name: 'PrometheusNotificationQueueFull',
        severity: 'warning',
        labels: META,
        expr: promql`predict_linear(${p.notificationsQueueLength}[5m], 30 * 60) > min_over_time(${p.notificationsQueueCapacity}[5m])`,
        for: '15m',
        noScenario: 'It compares two series, the queue\'s predicted length and its capacity, with no number: the hand-written tests grow it faster and slower than the capacity allows.',
        summary: 'The alert queue of Prometheus {{ $labels.instance }} fills up',
        description: 'At its current growth the alert notification queue of Prometheus {{ $labels.instance }} is full within 30 minutes; then alerts are dropped.',
        runbook: {
          meaning: 'Alerts wait longer and longer to be sent; when the queue is full new ones are dropped (PrometheusNotificationsDropped).',
          causes: ['Alertmanager slow to accept alerts.', 'A flood of firing alerts (a rule firing for every series).'],
          checks: ['Prometheus dashboard: notification queue against its capacity.', 'ALERTS{alertstate="firing"} by alertname: which rule floods.'],
          fix: ['Fix or scale the slow Alertmanager; aggregate the flooding alert so it fires once per job, not per series.'],
          escalation,
          query: promql`${p.notificationsQueueLength} / ${p.notificationsQueueCapacity}`,
          panel: panel('Notification queue'),
        },
        tests: [
          fires('growing by 250 a minute toward 10,000', {
            at: '30m',
            series: queue('0+250x60'),
            alerts: [
              {
                labels: { ...PROMETHEUS, ...META },
                summary: 'The alert queue of Prometheus localhost:9090 fills up',
                description: 'At its current growth the alert notification queue of Prometheus localhost:9090 is full within 30 minutes; then alerts are dropped.',
              },
            ],
          }),
          silent('growing by 100 a minute: full in more than 30 minutes', { at: '30m', series: queue('0+100x60') }),
          silent('a steady queue', { at: '30m', series: queue('50x60') }),
          pending('growing for less than 15 minutes', { at: '20m', series: queue('0+250x60') }),
        ],
      }),
      alert({
        name: 'PrometheusNotificationsDropped',
        severity: 'warning',
        labels: META,
        expr: promql`increase(${p.notificationsDropped}[5m]) > 0`,
        for: '5m',
        scenario: { target: PROMETHEUS, series: (in5m, s) => [input(p.notificationsDropped, { ...s.target }, s.counter(in5m / 300))] },
        summary: 'Prometheus {{ $labels.instance }} drops alert notifications',
        description: 'Prometheus {{ $labels.instance }} dropped {{ $value | humanize }} alert notifications in the last 5 minutes.',
        runbook: {
          meaning: 'Alerts are not reaching Alertmanager: nobody is notified of them.',
          causes: ['Alertmanager down or unreachable.', 'The notification queue is full.'],
          checks: ['Prometheus status page: Alertmanagers discovered.', 'TargetDown for alertmanager.', 'The Prometheus log.'],
          fix: ['Act on PrometheusErrorSendingAlerts or PrometheusNotificationQueueFull, whichever fires with it.'],
          escalation,
          query: promql`increase(${p.notificationsDropped}[5m])`,
          panel: panel('Alerts sent to Alertmanager'),
        },
        tests: [
          fires('two drops a minute', {
            at: '15m',
            series: [input(p.notificationsDropped, { ...PROMETHEUS }, '0+2x20')],
            alerts: [
              {
                labels: { ...PROMETHEUS, ...META },
                summary: 'Prometheus localhost:9090 drops alert notifications',
                description: 'Prometheus localhost:9090 dropped 10 alert notifications in the last 5 minutes.',
              },
            ],
          }),
          silent('no drops', { at: '15m', series: [input(p.notificationsDropped, { ...PROMETHEUS }, '7x20')] }),
          pending('dropping for less than 5 minutes', { at: '5m', series: [input(p.notificationsDropped, { ...PROMETHEUS }, '0+2x20')] }),
        ],
      }),
      alert({
        name: 'PrometheusSampleLimitHit',
        severity: 'warning',
        expr: promql`increase(${p.scrapesExceededSampleLimit}[5m]) > 0`,
        for: '15m',
        scenario: { target: PROMETHEUS, series: (in5m, s) => [input(p.scrapesExceededSampleLimit, { ...s.target }, s.counter(in5m / 300))] },
        summary: 'Prometheus {{ $labels.instance }} rejects scrapes over their sample limit',
        description: 'Prometheus {{ $labels.instance }} rejected {{ $value | humanize }} scrapes in 5 minutes for exceeding their sample_limit: those targets read as down.',
        runbook: {
          meaning: 'A target exposes more samples than its job\'s sample_limit (derived from the catalogue in scrape/): the whole scrape is dropped, so the target reads as down and its alerts are blind.',
          causes: ['A label with more values than the catalogue bounds (a user id, a URL).', 'A new metric exposed without being catalogued.'],
          checks: ['Prometheus dashboard: samples per scrape, by job, against the limit.', 'The targets page: "sample limit exceeded".', 'npx sextant verify --target <url> against the target: it names uncatalogued metrics and labels.'],
          fix: ['Remove the unbounded label from the code (or fold it, as the label guard of sextant/instruments does); or catalogue the new metric so the limit grows with it, generate and deploy.'],
          escalation,
          query: promql`increase(${p.scrapesExceededSampleLimit}[5m])`,
          panel: panel('Samples appended and rejected scrapes'),
        },
        tests: [
          fires('a rejected scrape every minute', {
            at: '20m',
            series: [input(p.scrapesExceededSampleLimit, { ...PROMETHEUS }, '0+1x30')],
            alerts: [
              {
                labels: { ...PROMETHEUS },
                summary: 'Prometheus localhost:9090 rejects scrapes over their sample limit',
                description: 'Prometheus localhost:9090 rejected 5 scrapes in 5 minutes for exceeding their sample_limit: those targets read as down.',
              },
            ],
          }),
          silent('none rejected lately', { at: '20m', series: [input(p.scrapesExceededSampleLimit, { ...PROMETHEUS }, '4x30')] }),
          pending('rejecting for less than 15 minutes', { at: '14m', series: [input(p.scrapesExceededSampleLimit, { ...PROMETHEUS }, '0+1x30')] }),
        ],
      }),
      alert({
        name: 'PrometheusTsdbCompactionsFailing',
        severity: 'warning',
        expr: promql`increase(${p.compactionsFailed}[3h]) > 0`,
        for: '4h',
        scenario: { target: PROMETHEUS, series: (in3h, s) => [input(p.compactionsFailed, { ...s.target }, s.counter(in3h / 10_800))] },
        summary: 'Prometheus {{ $labels.instance }} fails to compact its storage',
        description: 'Prometheus {{ $labels.instance }} had {{ $value | humanize }} failed compactions in the last 3 hours.',
        runbook: {
          meaning: 'The head block is not written to disk as blocks: memory grows, and a restart replays an ever longer WAL; samples are at risk if the disk is the cause.',
          causes: ['The data volume is full or read-only (NodeDiskWillFillSoon, NodeFilesystemReadOnly).', 'A corrupted block.'],
          checks: ['The Prometheus log: "compaction failed".', 'df on the data volume.', 'Prometheus dashboard: storage problems.'],
          fix: ['Free or grow the data volume.', 'For a corrupted block: stop Prometheus, move the block named in the log out of the data directory, start it again.'],
          escalation,
          query: promql`increase(${p.compactionsFailed}[3h])`,
          panel: panel('Storage problems'),
        },
        tests: [
          fires('a failure every half hour', {
            at: '5h',
            series: [input(p.compactionsFailed, { ...PROMETHEUS }, '0+0.0333333333x330')],
            alerts: [
              {
                labels: { ...PROMETHEUS },
                summary: 'Prometheus localhost:9090 fails to compact its storage',
                description: 'Prometheus localhost:9090 had 6 failed compactions in the last 3 hours.',
              },
            ],
          }),
          silent('one failure five hours ago', { at: '5h', series: [input(p.compactionsFailed, { ...PROMETHEUS }, '0 1x330')] }),
          pending('failing for less than 4 hours', { at: '3h', series: [input(p.compactionsFailed, { ...PROMETHEUS }, '0+0.0333333333x330')] }),
        ],
      }),
    ],
  });
}
