/**
 * `docs/slos.md`: each SLO with its SLI, objective and error budget, the burn-rate alerts it compiles
 * to (linked to their runbook sections in alerts.md) and what the team does when the budget runs out.
 */
import { durationSeconds } from '../promql/duration.ts';
import { formatNumber } from '../promql/query.ts';
import type { Model, ModelSlo } from '../model/types.ts';
import { cell, code, GENERATED_NOTICE, table } from './markdown.ts';
import { runbookAnchor } from './runbook.ts';
import type { Stage } from './stage.ts';

export const slosDocStage: Stage = {
  name: 'SLO reference',
  render: (model) => (model.slos.length === 0 ? [] : [{ path: 'docs/slos.md', content: renderSlosDoc(model) }]),
};

const percent = (share: number) => `${formatNumber(share * 100)} %`;

function renderSlosDoc(model: Model): string {
  const sloDashboard = model.dashboards.find((dashboard) => dashboard.name === model.slos[0]!.dashboard)!;
  const parts = [
    GENERATED_NOTICE,
    '# Service level objectives',
    `${model.slos.length} SLOs, each compiled into error-ratio recording rules per window, the error budget remaining and ` +
      'multiwindow multi-burn-rate alerts (SRE workbook, "Alerting on SLOs"): an alert fires when the error ratio over both its long ' +
      'and its short window exceeds its burn factor × the error budget, and its long window saw enough events (the low-traffic guard). ' +
      'Every alert is proven by generated promtool tests: it fires just above its factor, stays silent just below, waits out its `for`, ' +
      `and stays silent on too little traffic. The SLO dashboard is ${code(sloDashboard.uid)} (folder ${sloDashboard.folder}).`,
    table(
      ['SLO', 'Service', 'Objective', 'Period', 'Error budget'],
      model.slos.map((slo) => [`[${cell(slo.title)}](#${slo.name})`, slo.service, percent(slo.objective), slo.period, `${percent(slo.budget)} of events (${downtime(slo)} of full outage)`]),
    ),
    ...model.slos.map((slo) => renderSlo(model, slo)),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** The budget as time: how long a complete outage may last within the period. */
function downtime(slo: ModelSlo): string {
  const seconds = Math.round(durationSeconds(slo.period)! * slo.budget);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  return [h > 0 ? `${h}h` : '', m > 0 ? `${m}m` : '', s > 0 ? `${s}s` : ''].join('') || '0s';
}

function renderSlo(model: Model, slo: ModelSlo): string {
  const file = model.rules.find((rules) => rules.name === slo.ruleFile);
  const periodRatio = file?.recording.find((rule) => rule.written.endsWith(`:ratio_rate${slo.period}`));
  return [
    `## <a id="${slo.name}"></a>${slo.title}`,
    slo.description,
    `**Objective:** ${percent(slo.objective)} over ${slo.period} · **Team:** ${slo.team} · defined in ${code(slo.file)}; rules in ${code(`generated/prometheus/rules/${slo.ruleFile}.rules.yml`)}.`,
    periodRatio ? `Error ratio over the period (${code(periodRatio.record)}):\n\n\`\`\`promql\n${periodRatio.expr}\n\`\`\`` : '',
    table(
      ['Alert', 'Severity', 'Burn factor', 'Windows', 'For', 'Budget spent when it fires'],
      slo.alerts.map((alert) => [
        `[${alert.name}](alerts.md#${runbookAnchor(alert.name)})`,
        alert.severity === 'critical' ? 'critical (page)' : `${alert.severity} (ticket)`,
        `${alert.factor}×`,
        `${alert.long} and ${alert.short}`,
        alert.for,
        percent((alert.factor * durationSeconds(alert.long)!) / durationSeconds(slo.period)!),
      ]),
    ),
    slo.minEvents > 0 ? `Low-traffic guard: fewer than ${slo.minEvents} events in an alert's long window is not a burn.` : 'No low-traffic guard (minEvents 0).',
    `**When the budget runs out:** ${slo.whenExhausted}`,
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}
