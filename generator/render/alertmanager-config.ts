/**
 * `alertmanager/alertmanager.yml`: critical alerts page, warnings open tickets, info goes nowhere;
 * grouped by alert and service; a critical alert silences the warnings it supersedes on the same
 * target. Receiver URLs come from the config object.
 */
import { analyze } from '../promql/analyze.ts';
import { queryContextOf } from '../promql/model-context.ts';
import type { Model, ModelAlert } from '../model/types.ts';
import type { Stage } from './stage.ts';
import { toYaml } from './yaml.ts';

export const RECEIVERS = { critical: 'page', warning: 'ticket', info: 'null' } as const;

export const alertmanagerConfigStage: Stage = {
  name: 'alertmanager configuration',
  render: (model) => (model.rules.length === 0 ? [] : [{ path: 'alertmanager/alertmanager.yml', content: toYaml(alertmanagerConfig(model)) }]),
};

export interface AlertmanagerOverrides {
  readonly pageWebhookUrl?: string;
  readonly ticketWebhookUrl?: string;
  /** Group wait and interval: seconds instead of minutes for the end-to-end stack. */
  readonly groupWait?: string;
  readonly groupInterval?: string;
}

export function alertmanagerConfig(model: Model, overrides: AlertmanagerOverrides = {}) {
  const { alertmanager } = model.config;
  const webhook = (url: string) => ({ webhook_configs: [{ url, send_resolved: true, max_alerts: 0 }] });
  return {
    global: { resolve_timeout: '5m' },
    route: {
      receiver: RECEIVERS.info,
      group_by: ['alertname', 'service'],
      group_wait: overrides.groupWait ?? '30s',
      group_interval: overrides.groupInterval ?? '5m',
      repeat_interval: '4h',
      routes: [
        { receiver: RECEIVERS.critical, matchers: ['severity="critical"'], repeat_interval: '1h' },
        { receiver: RECEIVERS.warning, matchers: ['severity="warning"'] },
        { receiver: RECEIVERS.info, matchers: ['severity="info"'] },
      ],
    },
    inhibit_rules: [
      // The same alert at two severities on one target: the critical one is enough.
      { source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['alertname', 'job', 'instance'] },
      ...supersededWarnings(model),
    ],
    receivers: [
      { name: RECEIVERS.critical, ...webhook(overrides.pageWebhookUrl ?? alertmanager.pageWebhookUrl) },
      { name: RECEIVERS.warning, ...webhook(overrides.ticketWebhookUrl ?? alertmanager.ticketWebhookUrl) },
      { name: RECEIVERS.info },
    ],
  };
}

/** One inhibit rule per `supersedes` of an alert, matching on the labels both alerts carry. */
function supersededWarnings(model: Model) {
  const context = queryContextOf(model);
  const byName = new Map<string, ModelAlert>(model.rules.flatMap((file) => file.alerts.map((alert) => [alert.name, alert] as const)));
  const labelsOf = (alert: ModelAlert) => analyze(alert.expr, context).labels ?? new Set<string>();
  return [...byName.values()].flatMap((source) =>
    source.supersedes.flatMap((targetName) => {
      const target = byName.get(targetName);
      if (!target) return [];
      const shared = [...labelsOf(source)].filter((label) => labelsOf(target).has(label)).sort();
      return [{ source_matchers: [`alertname="${source.name}"`], target_matchers: [`alertname="${target.name}"`], equal: shared }];
    }),
  );
}
