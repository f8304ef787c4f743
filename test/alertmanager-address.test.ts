/**
 * Alertmanager's address is written once, as the targets of the scrape job that receivesAlerts:
 * Prometheus's alerting section in every environment and the Kubernetes Alertmanager follow it.
 */
import { describe, expect, it } from 'vitest';
import { defineScrapeJob, gauge } from '../generator/index.ts';
import { buildScrapeJobs } from '../generator/model/scrape.ts';
import { kubernetesPrometheusConfig, plainFiles } from '../generator/render/kubernetes/plain.ts';
import { prometheusConfig } from '../generator/render/prometheus-config.ts';
import { modelOf } from './helpers/check-table.ts';

const base = modelOf({ m: gauge({ name: 'g', help: 'h' }) }, 'app');
const withJobs = (...jobs: ReturnType<typeof defineScrapeJob>[]) => ({
  ...base,
  scrapeJobs: buildScrapeJobs(jobs.map((value) => ({ file: `scrape/${value.name}.ts`, value })), base).jobs,
});
const shop = defineScrapeJob({ name: 'shop', targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'] }, sampleLimit: { samples: 10, reason: 'r' } });
const receiver = defineScrapeJob({ name: 'am', targets: { compose: ['am:9094'], hosts: ['127.0.0.1:19094'] }, sampleLimit: { samples: 10, reason: 'r' }, receivesAlerts: true });
const alertTargets = (config: ReturnType<typeof prometheusConfig>) => config.alerting.alertmanagers[0]!.static_configs[0]!.targets;

describe("Alertmanager's address", () => {
  it('is the targets of the job that receives alerts, in each environment', () => {
    const model = withJobs(shop, receiver);
    expect(alertTargets(prometheusConfig(model, 'compose'))).toEqual(['am:9094']);
    expect(alertTargets(prometheusConfig(model, 'hosts'))).toEqual(['127.0.0.1:19094']);
  });

  it("is Alertmanager's default port without such a job", () => {
    const model = withJobs(shop);
    expect(alertTargets(prometheusConfig(model, 'compose'))).toEqual(['alertmanager:9093']);
    expect(alertTargets(prometheusConfig(model, 'hosts'))).toEqual(['127.0.0.1:9093']);
  });

  it("in Kubernetes is the generated Service on the job's port, which Alertmanager is told to listen on", () => {
    const model = withJobs(shop, receiver);
    expect(alertTargets(kubernetesPrometheusConfig(model))).toEqual(['alertmanager.monitoring.svc:9094']);
    const alertmanager = plainFiles(model).find((file) => file.path.endsWith('alertmanager.yaml'))!.content;
    expect(alertmanager).toContain('--web.listen-address=:9094');
    expect(alertmanager).toContain('containerPort: 9094');
  });
});
