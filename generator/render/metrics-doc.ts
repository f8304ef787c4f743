/**
 * `docs/metrics.md`: the metric reference, one table per domain (metric, type, labels, description),
 * with each label's values and each metric's worst-case series so reviewers see what a change costs.
 */
import type { Acknowledgement } from '../dsl/labels.ts';
import { worstCaseSeries } from '../model/series.ts';
import type { Model, ModelDomain, ModelLabel, ModelMetric } from '../model/types.ts';
import { cell, code, GENERATED_NOTICE, table } from './markdown.ts';
import type { GeneratedFile, Stage } from './stage.ts';

export const metricsDocStage: Stage = {
  name: 'metrics reference',
  render: (model) => [renderMetricsDoc(model)],
};

function renderMetricsDoc(model: Model): GeneratedFile {
  // Application domains first: they are what users change; upstream ones are reference material.
  const domains = [...model.domains].sort((a, b) => Number(a.owner !== 'app') - Number(b.owner !== 'app'));
  const totalSeries = sum(model.metrics.map(worstCaseSeries));
  const { limits } = model.config;
  const parts = [
    GENERATED_NOTICE,
    '# Metric reference',
    `${model.metrics.length} metrics in ${model.domains.length} domains. Application metrics carry the namespace ` +
      `${code(model.config.namespace)}; upstream metrics are listed exactly as their exporters expose them. ` +
      `Worst-case series of the catalogue: ${totalSeries} (limit ${limits.seriesTotal}; ${limits.seriesPerMetric} per metric).`,
    'Every label lists its values or a declared bound: labels that grow with users or traffic (user ids, raw paths) ' +
      'are rejected by validation and modelled with a bounded label instead, as each help text says.',
    table(
      ['Domain', 'Owner', 'Metrics', 'Worst-case series'],
      domains.map((domain) => [
        `[${cell(domain.title)}](#${anchor(domain)})`,
        cell(ownerText(domain)),
        String(domain.metrics.length),
        String(sum(domain.metrics.map(worstCaseSeries))),
      ]),
    ),
    ...domains.map(renderDomain),
  ];
  return { path: 'docs/metrics.md', content: `${parts.join('\n\n')}\n` };
}

function renderDomain(domain: ModelDomain): string {
  const lines = [`## <a id="${anchor(domain)}"></a>${domain.title}`];
  if (domain.description) lines.push(domain.description);
  const source = typeof domain.owner === 'string' ? '' : ` Names, types and labels from ${domain.owner.source}.`;
  lines.push(`Defined in ${code(domain.file)}. Owner: ${ownerText(domain)}.${source}`);
  lines.push(
    table(
      ['Metric', 'Type', 'Unit', 'Labels', 'Max series', 'Description'],
      domain.metrics.map((metric) => [
        code(metric.name),
        metric.type,
        metric.unit ?? '—',
        metric.labels.length === 0 ? '—' : metric.labels.map(labelText).join('<br>'),
        String(worstCaseSeries(metric)),
        cell(description(metric)),
      ]),
    ),
  );
  return lines.join('\n\n');
}

function labelText(label: ModelLabel): string {
  const values = label.values
    ? label.values.map((value) => code(value)).join(', ')
    : `≤ ${label.bound} (${[label.reason ?? '', ...acknowledgements(label)].join('; ')})`;
  return cell(`${code(label.name)}: ${values}`);
}

/** A validated label's reasoned exceptions: `identifier: one uid per pod…`. */
function acknowledgements(label: ModelLabel): string[] {
  return Object.entries((label.acknowledged ?? {}) as Acknowledgement).map(([kind, why]) => `${kind}: ${why}`);
}

function description(metric: ModelMetric): string {
  const parts = [metric.help];
  if (metric.buckets) parts.push(`Buckets: ${metric.buckets.join(', ')}.`);
  if (metric.quantiles) parts.push(`Quantiles: ${metric.quantiles.join(', ')}.`);
  if (metric.replaces.length > 0) parts.push(`Replaces ${metric.replaces.map(code).join(', ')}.`);
  return parts.join(' ');
}

function ownerText(domain: ModelDomain): string {
  return typeof domain.owner === 'string' ? 'application' : `${domain.owner.exporter} ${domain.owner.version}`;
}

function anchor(domain: ModelDomain): string {
  return `domain-${domain.name.replace(/_/g, '-')}`;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
