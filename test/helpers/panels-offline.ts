/**
 * Panels proven on test series instead of a live exporter: the series a model's alert and
 * recording tests use, series shaped as the catalogue says, and promtool evaluating each panel
 * query wrapped in absent() (an alert that must not fire, so an empty panel fails). Shared by the
 * engine's test (the fixture and every pack) and the reference's (what its local stack cannot run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import type { Model, ModelMetric, ModelSeriesInput } from '../../generator/model/types.ts';
import { exposedNames } from '../../generator/model/series.ts';
import { runCommand } from './command.ts';

const EVAL_TIME = '20m';

/** The alert and recording tests' series over the given domains, firing cases first. */
export function testSeries(model: Model, domains: ReadonlySet<string>): ModelSeriesInput[] {
  const domainOf = new Map(model.metrics.flatMap((metric) => sampleNames(metric).map((name) => [name, metric.domain] as const)));
  const alertTests = model.rules.flatMap((file) => file.alerts.flatMap((alert) => alert.tests));
  const tests = [...alertTests.filter((test) => test.kind === 'fires'), ...alertTests.filter((test) => test.kind !== 'fires'), ...model.rules.flatMap((file) => file.recording.flatMap((rule) => rule.tests))];
  const bySeries = new Map<string, ModelSeriesInput>();
  for (const input of tests.flatMap((test) => test.series)) {
    const name = input.series.replace(/\{.*$/, '');
    if (domains.has(domainOf.get(name) ?? '') && !bySeries.has(input.series)) bySeries.set(input.series, input);
  }
  return [...bySeries.values()];
}

/** The names a metric's samples carry (a histogram has no sample under its family name). */
export function sampleNames(metric: ModelMetric): string[] {
  return exposedNames(metric).filter((name) => metric.type !== 'histogram' || name !== metric.name);
}

/**
 * Growing series for every sample name of a metric: each enumerated label takes each of its values
 * once (the others their first), a bounded label an example value, a summary's family each of its
 * quantiles. One instance for all, so panels that join two metrics on it find both.
 */
export function catalogueSeries(metric: ModelMetric): ModelSeriesInput[] {
  const first = Object.fromEntries([['job', metric.domain], ['instance', 'exporter:9100'], ...metric.labels.map((label) => [label.name, label.values?.[0] ?? 'example'])]);
  const variants = [first, ...metric.labels.flatMap((label) => (label.values ?? []).slice(1).map((value) => ({ ...first, [label.name]: value })))];
  return sampleNames(metric).flatMap((name) =>
    variants.flatMap((labels) => {
      const extra = name.endsWith('_bucket') ? [{ le: '+Inf' }] : metric.type === 'summary' && name === metric.name ? (metric.quantiles ?? [0.5, 0.9, 0.99]).map((q) => ({ quantile: String(q) })) : [{}];
      return extra.map((more) => ({ series: `${name}{${Object.entries({ ...labels, ...more }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`, values: '0+60x40' }));
    }),
  );
}

/** promtool over `queries` on `series`, beside the project's rule files (absolute), written into `scratch` as `<file>.*.yml`. */
export function promtoolOnPanels(scratch: string, ruleFiles: readonly string[], series: readonly ModelSeriesInput[], queries: readonly string[], file: string) {
  writeFileSync(join(scratch, `${file}.rules.yml`), yaml.dump({ groups: [{ name: 'panels', rules: queries.map((expr, i) => ({ alert: `PanelHasNoData${i}`, expr: `absent(${expr})` })) }] }));
  const test = {
    rule_files: [`${file}.rules.yml`, ...ruleFiles],
    evaluation_interval: '1m',
    tests: [{ interval: '1m', input_series: series, alert_rule_test: queries.map((_, i) => ({ eval_time: EVAL_TIME, alertname: `PanelHasNoData${i}`, exp_alerts: [] })) }],
  };
  writeFileSync(join(scratch, `${file}.test.yml`), yaml.dump(test, { lineWidth: -1 }));
  return runCommand('promtool', ['test', 'rules', `${file}.test.yml`], { cwd: scratch });
}
