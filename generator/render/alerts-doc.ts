/**
 * `docs/alerts.md`: every alert with its severity, expression and `for`, what it means, likely
 * causes and first checks. Each alert's runbook_url lands on its section here.
 */
import type { Model, ModelAlert, ModelEnvironment, ModelRuleFile } from '../model/types.ts';
import { cell, code, GENERATED_NOTICE, table } from './markdown.ts';
import { ownRuleFiles } from './rules.ts';
import { runbookAnchor, runbookPanel } from './runbook.ts';
import type { Stage } from './stage.ts';

export const alertsDocStage: Stage = {
  name: 'alert reference',
  render: (model) => (model.rules.length === 0 ? [] : [{ path: 'docs/alerts.md', content: renderAlertsDoc(model) }]),
};

function renderAlertsDoc(model: Model): string {
  const alerts = model.rules.flatMap((file) => file.alerts);
  const recordings = model.rules.flatMap((file) => file.recording);
  const parts = [
    GENERATED_NOTICE,
    '# Alert reference',
    `${alerts.length} alerts and ${recordings.length} recording rules. Every alert is proven by promtool unit tests ` +
      '(`generated/prometheus/tests/`): it fires when it should, stays silent just under its threshold, and waits out its `for`; ' +
      'the edge cases its scenario generates (`<file>.edges.test.yml`, at the production scrape interval) probe the threshold, the `for`, ' +
      'zero traffic, missing series and a second instance. ' +
      'Thresholds come from `alerts.thresholds` in `sextant.config.ts`.',
    ...environmentThresholds(model),
    table(
      ['Alert', 'Severity', 'For', 'Summary'],
      alerts.map((alert) => [`[${alert.name}](#${runbookAnchor(alert.name)})`, alert.severity, alert.for, cell(alert.summary)]),
    ),
    ...model.rules.map((file) => renderFile(model, file)),
  ];
  return `${parts.join('\n\n')}\n`;
}

function renderFile(model: Model, file: ModelRuleFile): string {
  const copies = (model.environments ?? []).filter((environment) => ownRuleFiles(model, environment).has(file.name));
  const own = copies.map((environment) => `${environment.name}: ${code(`${file.name}.${environment.name}.rules.yml`)}`);
  const lines = [`## ${file.title}`, `Defined in ${code(file.file)}; rules in ${code(`generated/prometheus/rules/${file.name}.rules.yml`)}${own.length > 0 ? ` (${own.join(', ')})` : ''}.`];
  if (file.recording.length > 0) {
    lines.push(table(['Recording rule', 'Expression'], file.recording.map((rule) => [code(rule.record), cell(code(rule.expr.replace(/\s*\n\s*/g, ' ')))])));
  }
  lines.push(...file.alerts.map((alert) => renderAlert(model, alert)));
  return lines.join('\n\n');
}

function renderAlert(model: Model, alert: ModelAlert): string {
  const { runbook } = alert;
  const panel = runbookPanel(model, alert);
  const optional = [
    alert.impact ? `**Impact (why it pages):** ${alert.impact}` : '',
    runbook.fix.length > 0 ? '**Fix**\n\n' + runbook.fix.map((step, i) => `${i + 1}. ${step}`).join('\n') : '',
    runbook.query ? '**Query to run**\n\n```promql\n' + runbook.query + '\n```' : '',
    panel ? `**Dashboard:** [${panel.title}](${panel.url}) (a path on Grafana)` : '',
    runbook.escalation ? `**Escalation:** ${runbook.escalation}` : '',
    ...otherEscalations(model, alert),
  ].filter(Boolean);
  return [
    `### <a id="${runbookAnchor(alert.name)}"></a>${alert.name}`,
    `**Severity:** ${alert.severity} · **For:** ${alert.for}`,
    alert.runbook.meaning,
    '```promql\n' + alert.expr + '\n```',
    ...differences(model, alert),
    `**Summary:** ${code(alert.summary)}  \n**Description:** ${code(alert.description)}`,
    '**Likely causes**\n\n' + alert.runbook.causes.map((cause) => `- ${cause}`).join('\n'),
    '**First checks**\n\n' + alert.runbook.checks.map((check) => `- ${check}`).join('\n'),
    ...optional,
  ].join('\n\n');
}

/**
 * Which value applies where: the thresholds an environment overrides (its own and its packs'),
 * beside the default, and where the Kubernetes outputs stand (they load the default rule files).
 */
function environmentThresholds(model: Model): string[] {
  const environments = (model.environments ?? []).filter((environment) => Object.keys(overridesOf(model, environment)).length > 0);
  if (environments.length === 0) return [];
  const names = [...new Set(environments.flatMap((environment) => Object.keys(overridesOf(model, environment))))].sort();
  const defaults = defaultThresholds(model);
  return [
    '**Thresholds by environment.** These environments override thresholds (a pack\'s as `<pack>.<threshold>`): their Prometheus configuration (`prometheus/prometheus.<environment>.yml`) ' +
      'loads its own copy of each rule file the values change (`<file>.<environment>.rules.yml`, tested by `<file>.<environment>.test.yml`) and the default file otherwise. ' +
      `${kubernetesUses(model)} An alert whose expression differs shows it below its own. Dashboards are rendered once, for every environment, with the defaults.`,
    table(
      ['Threshold', 'Default', ...environments.map((environment) => environment.name)],
      names.map((name) => [code(name), String(defaults[name] ?? '—'), ...environments.map((environment) => String(overridesOf(model, environment)[name] ?? '—'))]),
    ),
  ];
}

/** Whose thresholds the other environments and the Kubernetes outputs have (render/kubernetes/index.ts inKubernetes()). */
function kubernetesUses(model: Model): string {
  const { environment } = model.config.kubernetes;
  return environment === undefined
    ? 'Every other environment, and the Kubernetes manifests and PrometheusRule objects, use the defaults (`kubernetes.environment` would give them an environment\'s).'
    : `Every other environment uses the defaults; the Kubernetes manifests and PrometheusRule objects use ${code(environment)}'s (\`kubernetes.environment\`).`;
}

/**
 * Every threshold an environment sets, whichever way: its `thresholds` by name, and the thresholds of
 * the packs it lists again as `<pack>.<name>`.
 */
function overridesOf(model: Model, environment: ModelEnvironment): Readonly<Record<string, number>> {
  const settings = model.config.environments[environment.name];
  const packs = (settings?.packs ?? []).flatMap((pack) => Object.entries((pack.options?.thresholds ?? {}) as Record<string, number>).map(([name, value]) => [`${pack.name}.${name}`, value] as const));
  return { ...(settings?.thresholds as Readonly<Record<string, number>> | undefined), ...Object.fromEntries(packs) };
}

/** The value each threshold has where no environment overrides it: alerts.thresholds', and the config's packs' as `<pack>.<name>`. */
function defaultThresholds(model: Model): Readonly<Record<string, number>> {
  const packs = model.config.packs.flatMap((pack) => Object.entries(pack.thresholds ?? {}).map(([name, value]) => [`${pack.name}.${name}`, value] as const));
  return { ...model.config.alerts.thresholds, ...Object.fromEntries(packs) };
}

/** The alert as an environment's rules build it, when the environment has rules of its own. */
const inEnvironment = (environment: ModelEnvironment, alert: ModelAlert): ModelAlert | undefined => environment.rules.flatMap((file) => file.alerts).find((other) => other.name === alert.name);

/** The alert as each environment with its own copy of the rule builds it, where that differs: its expression, `for` and texts. */
function differences(model: Model, alert: ModelAlert): string[] {
  return (model.environments ?? []).flatMap((environment) => {
    const theirs = inEnvironment(environment, alert);
    if (!theirs || (theirs.expr === alert.expr && theirs.for === alert.for && theirs.summary === alert.summary && theirs.description === alert.description)) return [];
    const texts = theirs.summary === alert.summary && theirs.description === alert.description ? '' : `\n\nSummary ${code(theirs.summary)}, description ${code(theirs.description)}.`;
    return [`**In ${environment.name}** (for ${theirs.for}):\n\n` + '```promql\n' + theirs.expr + '\n```' + texts];
  });
}

/** Who answers the alert in each environment that gives its pack another escalation (no rule file shows it). */
function otherEscalations(model: Model, alert: ModelAlert): string[] {
  return (model.environments ?? []).flatMap((environment) => {
    const theirs = inEnvironment(environment, alert);
    return theirs && theirs.runbook.escalation !== alert.runbook.escalation ? [`**Escalation in ${environment.name}:** ${theirs.runbook.escalation}`] : [];
  });
}
