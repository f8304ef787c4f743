/** The reference rules: the alerts the issue and the reference system ask for, documented, with runbook links that land. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../generator/pipeline.ts';
import { isHeartbeat } from '../../generator/promql/condition.ts';
import { durationSeconds } from '../../generator/promql/duration.ts';
import { REPO } from '../helpers/project.ts';

// QueueBacklogHigh, JobFailureRateHigh and HttpErrorRateHigh went (issue #17): each duplicated a
// better alert (the oldest job's age, the failure ratio, the 5xx ratio) and none was inhibited by it.
const REQUIRED_ALERTS = [
  'QueueOldestJobTooOld', 'QueueBacklogSecondsHigh', 'JobFailureRatioHigh', 'NoActiveWorkers', 'HttpErrorRatioHigh',
  'EventsDeadLettered', 'DatabaseQueryErrorsHigh', 'ProcessFileDescriptorsNearLimit',
  'HttpLatencyP95High', 'EventQueueDepthHigh', 'EventQueueDepthCritical', 'CircuitBreakerOpen', 'CacheHitRatioLow', 'DatabaseQueriesSlow',
  'ServiceRestartingOften', 'FailedLoginRatioHigh', 'ProcessCpuHigh', 'ProcessMemoryHigh', 'MysqlConnectionsNearLimit',
  'MongodbConnectionsNearLimit', 'KafkaConsumerLagHigh', 'TargetDown', 'NodeCpuHigh', 'NodeMemoryHigh', 'NodeDiskSpaceLow',
  'NodeDiskWillFillSoon', 'PrometheusConfigReloadFailed', 'PrometheusRuleEvaluationFailures', 'PrometheusNotificationsDropped',
  'AlertmanagerConfigReloadFailed', 'PodCrashLooping',
  // What the mixins alert on and the review found missing (issue #17); PodRestarting went: any restart was a ticket, PodCrashLooping the signal.
  'Watchdog', 'JobDown', 'JobMissing', 'PrometheusNotConnectedToAlertmanagers', 'PrometheusErrorSendingAlerts', 'PrometheusNotificationQueueFull',
  'PrometheusMissingRuleEvaluations', 'PrometheusSampleLimitHit', 'PrometheusTsdbCompactionsFailing', 'AlertmanagerNotificationsFailing',
  'NodeDiskFillingUp', 'NodeInodesWillRunOut', 'NodeFilesystemReadOnly', 'NodeNetworkReceiveErrors', 'NodeNetworkTransmitErrors', 'NodeClockSkew', 'NodeLoadHigh',
  'MysqlDown', 'MongodbDown', 'KafkaBrokersMissing', 'PodNotReady', 'ContainerWaiting', 'DeploymentRolloutStuck', 'DeploymentUnavailable',
];

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; annotations?: Record<string, string>; labels?: Record<string, string> }[] }[];
}

describe('the reference rules', async () => {
  const result = await runPipeline(REPO);
  if (!result.ok) throw new Error('the reference project is invalid');
  const alerts = result.model.rules.flatMap((file) => file.alerts);
  const recordings = result.model.rules.flatMap((file) => file.recording);
  const alertsDoc = readFileSync(join(REPO, 'generated/docs/alerts.md'), 'utf8');

  it('has at least 30 alerts and 10 recording rules', () => {
    expect(alerts.length).toBeGreaterThanOrEqual(30);
    expect(recordings.length).toBeGreaterThanOrEqual(10);
  });

  it('has every alert the reference system requires', () => {
    const names = new Set(alerts.map((alert) => alert.name));
    expect(REQUIRED_ALERTS.filter((name) => !names.has(name))).toEqual([]);
  });

  it('uses every severity, and each alert is tested firing, silent and (with a for) pending', () => {
    expect(new Set(alerts.map((alert) => alert.severity))).toEqual(new Set(['critical', 'warning', 'info']));
    // A heartbeat (the Watchdog) fires always: its one test is that it fires. Without a for nothing is pending.
    for (const alert of alerts) {
      const kinds = isHeartbeat(alert.expr) ? ['fires'] : (durationSeconds(alert.for) ?? 0) > 0 ? ['fires', 'silent', 'pending'] : ['fires', 'silent'];
      expect(new Set(alert.tests.map((test) => test.kind)), alert.name).toEqual(new Set(kinds));
    }
  });

  it('links every alert to its section of docs/alerts.md', () => {
    for (const file of result.model.rules) {
      const rules = yaml.load(readFileSync(join(REPO, `generated/prometheus/rules/${file.name}.rules.yml`), 'utf8')) as RuleFile;
      for (const rule of rules.groups.flatMap((group) => group.rules).filter((r) => r.alert)) {
        const url = rule.annotations?.runbook_url ?? '';
        expect(url.startsWith(`${result.model.config.alerts.runbookBaseUrl}#`), rule.alert).toBe(true);
        expect(alertsDoc).toContain(`<a id="${url.split('#')[1]}"></a>${rule.alert}`);
      }
    }
  });

  it('documents severity, for, expression, causes and first checks of each alert', () => {
    for (const alert of alerts) {
      const section = alertsDoc.slice(alertsDoc.indexOf(`</a>${alert.name}\n`));
      expect(section).toContain(`**Severity:** ${alert.severity} · **For:** ${alert.for}`);
      expect(section).toContain(alert.expr);
      expect(section).toContain('**Likely causes**');
      expect(section).toContain('**First checks**');
    }
  });
});
