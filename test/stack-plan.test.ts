/**
 * What the native stack runs, read from generated files alone (generator/stack/plan.ts): the
 * programs it recognises, the targets it leaves to the user, and the configurations it writes (the
 * moved ports, the alerts sent to its Alertmanager, the webhooks to its receiver).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { planStack, StackPlanError, stackAlertmanagerConfig, stackPrometheusConfig } from '../generator/stack/plan.ts';
import { scratchProject, type Project } from './helpers/project.ts';

const ALERTMANAGER_YML = `receivers:
  - name: page
    webhook_configs:
      - url: http://alert-receiver:9095/page
  - name: blackhole
`;

function prometheusYml(jobs: Record<string, string[]>, alertmanager = '127.0.0.1:9093'): string {
  const scrape = Object.entries(jobs)
    .map(([job, targets]) => `  - job_name: ${job}\n    static_configs:\n      - targets: [${targets.join(', ')}]\n`)
    .join('');
  return `rule_files:\n  - rules/a.rules.yml\nalerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [${alertmanager}]\nscrape_configs:\n${scrape}`;
}

let project: Project | undefined;
afterEach(() => project?.remove());

function generated(prometheus: string, environment = 'hosts'): string {
  project = scratchProject({
    [`generated/prometheus/prometheus.${environment}.yml`]: prometheus,
    'generated/alertmanager/alertmanager.yml': ALERTMANAGER_YML,
  });
  return project.root;
}

describe('planStack', () => {
  it('runs Prometheus, Alertmanager and node_exporter where their targets are, and names the other loopback targets', () => {
    const root = generated(
      prometheusYml({ prometheus: ['127.0.0.1:19090'], am: ['127.0.0.1:19093'], node: ['localhost:19100'], ledger: ['127.0.0.1:8080'], postgres: ['db.internal:9187'] }, '127.0.0.1:19093'),
    );
    const plan = planStack(root, 'hosts');
    expect(plan.parts.map(({ name, port }) => [name, port])).toEqual([
      ['node_exporter', 19100],
      ['alertmanager', 19093],
      ['prometheus', 19090],
    ]);
    expect(plan.notStarted.map((target) => `${target.job} ${target.address}`)).toEqual(['ledger 127.0.0.1:8080']);
    expect(plan.receiverPort).toBe(9095);
  });

  it('knows the programs by their usual ports too, starts node_exporter only when a job scrapes one, and runs the caller\'s services', () => {
    const root = generated(prometheusYml({ self: ['127.0.0.1:9090'], ledger: ['127.0.0.1:8080'] }, 'am.prod:9093'));
    const plan = planStack(root, 'hosts', ['ledger']);
    expect(plan.parts.map(({ name, kind, port }) => [name, kind, port])).toEqual([
      ['ledger', 'service', 8080],
      ['alertmanager', 'program', 9093],
      ['prometheus', 'program', 9090],
    ]);
    expect(plan.notStarted).toEqual([]);
    expect(() => planStack(root, 'hosts', ['worker'])).toThrow("the local service 'worker' has no target on 127.0.0.1");
  });

  it('writes configurations that read generated/\'s rules in place, send alerts to its Alertmanager and webhooks to its receiver', () => {
    const root = generated(prometheusYml({ prometheus: ['127.0.0.1:9090'], ledger: ['127.0.0.1:8080'], remote: ['db.internal:9090'] }, 'am.prod:9093'));
    const plan = planStack(root, 'hosts');
    const prometheus = stackPrometheusConfig(plan, root, new Map([[9090, 41000]]), '127.0.0.1:41001');
    expect(prometheus.rule_files).toEqual([join(root, 'generated/prometheus/rules/a.rules.yml')]);
    expect(prometheus.alerting?.alertmanagers).toEqual([{ static_configs: [{ targets: ['127.0.0.1:41001'] }] }]);
    expect(prometheus.scrape_configs?.map((job) => job.static_configs?.[0]?.targets)).toEqual([['127.0.0.1:41000'], ['127.0.0.1:8080'], ['db.internal:9090']]);
    const alertmanager = stackAlertmanagerConfig(plan, 'http://127.0.0.1:41002');
    expect(alertmanager.receivers).toEqual([{ name: 'page', webhook_configs: [{ url: 'http://127.0.0.1:41002/page' }] }, { name: 'blackhole' }]);
  });

  it('refuses the compose environment and one that was not generated', () => {
    const root = generated(prometheusYml({ prometheus: ['127.0.0.1:9090'] }));
    expect(() => planStack(root, 'compose')).toThrow(StackPlanError);
    expect(() => planStack(root, 'compose')).toThrow('docker compose up');
    expect(() => planStack(root, 'production')).toThrow("there is no environment 'production': generated/prometheus/prometheus.production.yml does not exist. Environments generated: hosts");
  });
});
