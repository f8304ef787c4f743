import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { counter, defineDomain, defineScrapeJob, upstream } from '../../generator/index.ts';
import type { Owner } from '../../generator/dsl/domain.ts';
import type { ScrapeJobDef } from '../../generator/dsl/scrape.ts';
import { buildScrapeJobs } from '../../generator/model/scrape.ts';
import { targetLabelsCheck } from '../../generator/validate/checks/target-labels.ts';
import { modelOf } from '../helpers/check-table.ts';

const exporter = upstream('some_exporter', '1.0.0', 'its docs');

/** Each case: the labels of one metric, who owns it, the job scraping it, and the messages expected. */
const CASES: { name: string; labels: Record<string, string[]>; owner?: Owner; job?: Partial<ScrapeJobDef>; operatorProvided?: boolean; expect: string[] }[] = [
  { name: 'labels no target carries pass', labels: { route: ['/a'], status: ['ok'] }, expect: [] },
  {
    name: 'a pod label on a metric a pod job scrapes is refused, naming what sets it',
    labels: { pod: ['a'] },
    expect: ["test.ts: app_things_total: label 'pod' is also a target label: the plain Kubernetes pod discovery of scrape job shop (scrape/shop.ts) sets 'pod', so Prometheus would rename this one exported_pod; rename the label"],
  },
  { name: 'a namespace label is refused', labels: { namespace: ['a'] }, expect: ["label 'namespace' is also a target label: the plain Kubernetes pod discovery"] },
  { name: 'a container label is refused: prometheus-operator sets it', labels: { container: ['a'] }, expect: ["label 'container' is also a target label: prometheus-operator (for the PodMonitor) of scrape job shop"] },
  { name: 'an endpoint label is refused: prometheus-operator sets the port name there', labels: { endpoint: ['a'] }, expect: ["label 'endpoint' is also a target label: prometheus-operator (for the PodMonitor)"] },
  { name: 'a service label on a metric a node job scrapes is refused: the operator reaches the kubelets through a Service', labels: { service: ['a'] }, job: { kubernetes: { role: 'node' } }, expect: ["label 'service' is also a target label: prometheus-operator (for the ServiceMonitor)"] },
  { name: 'a service label on a metric a pod job scrapes passes', labels: { service: ['a'] }, expect: [] },
  { name: 'a node label on a metric a node job scrapes is refused', labels: { node: ['a'] }, job: { kubernetes: { role: 'node' } }, expect: ["label 'node' is also a target label: the plain Kubernetes node discovery"] },
  { name: 'a node label on a metric a pod job scrapes passes: pod discovery sets no node', labels: { node: ['a'] }, expect: [] },
  { name: 'a container label passes when the operator installation scrapes the job itself', labels: { container: ['a'] }, operatorProvided: true, expect: [] },
  { name: 'a pod label passes on a job that honours the exporter labels', labels: { pod: ['a'] }, owner: exporter, job: { honorLabels: true }, expect: [] },
  { name: 'a pod label passes on a job that does not run in Kubernetes', labels: { pod: ['a'] }, job: { runsIn: ['compose', 'hosts'] }, expect: [] },
  { name: "an exporter's pod label is refused with the honorLabels way out", labels: { pod: ['a'] }, owner: exporter, expect: ['set honorLabels: true on scrape job shop if the exporter reports on other workloads'] },
];

describe(`check ${targetLabelsCheck.id}`, () => {
  it.each(CASES)('$name', ({ labels, owner, job, operatorProvided, expect: expected }) => {
    const name = owner === undefined ? 'things_total' : 'app_things_total';
    const metrics = { things: counter({ name, help: 'Things.', labels }) };
    const domain = defineDomain({ name: 'test', title: 'Test', description: '', owner: owner ?? 'app', metrics });
    const config = defineConfig({ namespace: 'app', kubernetes: { operatorProvidedJobs: operatorProvided ? ['shop'] : [] } });
    const model = { ...modelOf(metrics, owner ?? 'app'), config };
    const definition = defineScrapeJob({ name: 'shop', targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'] }, exposes: [domain], ...job });
    const { jobs } = buildScrapeJobs([{ file: 'scrape/shop.ts', value: definition }], model);
    const problems = targetLabelsCheck.run({ ...model, scrapeJobs: jobs });
    const messages = problems.map((p) => `${p.file}: ${p.definition}: ${p.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });
});
