/**
 * `alertmanager/alertmanager.yml`. Heartbeat alerts (the Watchdog, `vector(1)`) go every minute to
 * the dead man's switch outside this system; alerts labelled notify="meta" (the alerting pipeline's
 * own failures) to the meta receiver, not through the receivers whose failure they report; then
 * critical alerts page, warnings open tickets, info goes to the info channel, and anything without
 * a known severity opens a ticket rather than vanish. Grouped by alert and service; an alert
 * silences the alerts it supersedes (no more severe) on the labels both carry, and a critical alert
 * its warning twin on the same target. Receiver URLs come from the config.
 */
import { isHeartbeat } from '../promql/condition.ts';
import type { Model, ModelAlert } from '../model/types.ts';
import { supersessions } from '../rules/supersedes.ts';
import type { Stage } from './stage.ts';
import { toYaml } from './yaml.ts';

export const ALERTMANAGER_CONFIG_PATH = 'alertmanager/alertmanager.yml';
export const RECEIVERS = { critical: 'page', warning: 'ticket', info: 'info', meta: 'meta', heartbeat: 'deadmansswitch' } as const;
/** The static label that sends an alert to the meta receiver. */
export const META_MATCHER = 'notify="meta"';

export const alertmanagerConfigStage: Stage = {
  name: 'alertmanager configuration',
  render: (model) => (model.rules.length === 0 ? [] : [{ path: ALERTMANAGER_CONFIG_PATH, content: toYaml(alertmanagerConfig(model)) }]),
};

export interface AlertmanagerOverrides {
  readonly pageWebhookUrl?: string;
  readonly ticketWebhookUrl?: string;
  readonly infoWebhookUrl?: string;
  readonly metaWebhookUrl?: string;
  readonly deadMansSwitchUrl?: string;
  /** Group wait and interval: seconds instead of minutes for the end-to-end stack. */
  readonly groupWait?: string;
  readonly groupInterval?: string;
}

export function alertmanagerConfig(model: Model, overrides: AlertmanagerOverrides = {}) {
  type Url = keyof Model['config']['alertmanager'];
  const url = (name: Url) => overrides[name] ?? model.config.alertmanager[name];
  const webhook = (url: string) => ({ webhook_configs: [{ url, send_resolved: true, max_alerts: 0 }] });
  const heartbeats = allAlerts(model).filter((alert) => isHeartbeat(alert.expr)).map((alert) => alert.name).sort();
  return {
    global: { resolve_timeout: '5m' },
    route: {
      receiver: RECEIVERS.warning,
      group_by: ['alertname', 'service'],
      group_wait: overrides.groupWait ?? '30s',
      group_interval: overrides.groupInterval ?? '5m',
      repeat_interval: '4h',
      routes: [
        // Every minute, so the switch notices within minutes when they stop; never resolved, never grouped with others.
        ...(heartbeats.length === 0
          ? []
          : [{ receiver: RECEIVERS.heartbeat, matchers: [`alertname=~"${heartbeats.join('|')}"`], group_wait: '0s', group_interval: '1m', repeat_interval: '1m' }]),
        { receiver: RECEIVERS.meta, matchers: [META_MATCHER], repeat_interval: '1h' },
        { receiver: RECEIVERS.critical, matchers: ['severity="critical"'], repeat_interval: '1h' },
        { receiver: RECEIVERS.warning, matchers: ['severity="warning"'] },
        { receiver: RECEIVERS.info, matchers: ['severity="info"'], repeat_interval: '24h' },
      ],
    },
    inhibit_rules: [
      // The same alert at two severities on one target: the critical one is enough.
      { source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['alertname', 'job', 'instance'] },
      ...supersededWarnings(model),
    ],
    receivers: [
      { name: RECEIVERS.critical, ...webhook(url('pageWebhookUrl')) },
      { name: RECEIVERS.warning, ...webhook(url('ticketWebhookUrl')) },
      { name: RECEIVERS.info, ...webhook(url('infoWebhookUrl')) },
      { name: RECEIVERS.meta, ...webhook(url('metaWebhookUrl')) },
      ...(heartbeats.length === 0 ? [] : [{ name: RECEIVERS.heartbeat, webhook_configs: [{ url: url('deadMansSwitchUrl'), send_resolved: false, max_alerts: 0 }] }]),
    ],
  };
}

/** Every receiver's webhook at `<base>/<receiver name>`: one local server tells the receivers apart by path (the live tests). */
export function webhooksUnder(base: string): Required<Pick<AlertmanagerOverrides, 'pageWebhookUrl' | 'ticketWebhookUrl' | 'infoWebhookUrl' | 'metaWebhookUrl' | 'deadMansSwitchUrl'>> {
  return {
    pageWebhookUrl: `${base}/${RECEIVERS.critical}`,
    ticketWebhookUrl: `${base}/${RECEIVERS.warning}`,
    infoWebhookUrl: `${base}/${RECEIVERS.info}`,
    metaWebhookUrl: `${base}/${RECEIVERS.meta}`,
    deadMansSwitchUrl: `${base}/${RECEIVERS.heartbeat}`,
  };
}

function allAlerts(model: Model): ModelAlert[] {
  return model.rules.flatMap((file) => file.alerts);
}

/** One inhibit rule per `supersedes` of an alert, matching on the labels both alerts carry. */
function supersededWarnings(model: Model) {
  return supersessions(model).map(({ source, target, equal }) => ({ source_matchers: [`alertname="${source.name}"`], target_matchers: [`alertname="${target.name}"`], equal }));
}
