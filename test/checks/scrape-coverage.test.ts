import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { counter, defineDashboard, defineDomain, defineRules, defineScrapeJob, gauge, promql, recordingRule, row as dashboardRow, target, timeseries, upstream } from '../../generator/index.ts';
import type { DomainDef } from '../../generator/dsl/domain.ts';
import type { AlertDef, RecordingRuleDef } from '../../generator/dsl/rules.ts';
import { buildModel } from '../../generator/model/build.ts';
import { buildRules } from '../../generator/model/rules.ts';
import { buildScrapeJobs } from '../../generator/model/scrape.ts';
import type { ModelDashboard } from '../../generator/model/types.ts';
import { scrapeCoverageCheck } from '../../generator/validate/checks/scrape-coverage.ts';
import { validAlert } from '../helpers/rules-table.ts';
import { buildDashboards } from '../../generator/model/dashboards.ts';
import type { Query } from '../../generator/promql/query.ts';

type JobInput = Parameters<typeof defineScrapeJob>[0];

const storeMetrics = { connections: gauge({ name: 'store_connections', help: 'Open connections.' }), queries: counter({ name: 'store_queries_total', help: 'Queries run.' }) };
const store = (options: { scrapedElsewhere?: string } = {}) =>
  defineDomain({ name: 'store', title: 'Store', description: '', owner: upstream('store_exporter', '1.0.0', 'its docs'), metrics: storeMetrics, ...options });
/** As queries read them: through their domain, which names them. */
const { connections, queries } = store().metrics;
const scrape = defineDomain({
  name: 'scrape',
  title: 'Scrape',
  description: '',
  owner: upstream('prometheus', '2.53.0', 'its docs', { synthetic: true }),
  metrics: { up: gauge({ name: 'up', help: 'Whether the scrape succeeded.' }) },
});

const readsConnections = validAlert({ name: 'StoreBusy', expr: promql`${connections} > 100`, tests: [] });
const readsUp = validAlert({ name: 'TargetDown', expr: promql`${scrape.metrics.up} == 0`, tests: [] });
const queryRate = recordingRule({ record: 'job:store_queries:rate5m', expr: promql`sum by (job) (rate(${queries}[5m]))`, tests: [] });
const readsRule = validAlert({ name: 'StoreQueriesHigh', expr: promql`${queryRate} > 10`, tests: [] });

/** A job for the store everywhere, and one for something else: each case changes what it needs. */
const storeJob = (overrides: Partial<JobInput> = {}): JobInput => ({ name: 'store', targets: { compose: ['store:9100'], hosts: ['127.0.0.1:9100'] }, exposes: [store()], ...overrides });
const otherJob = (overrides: Partial<JobInput> = {}): JobInput => ({ name: 'other', targets: { compose: ['other:80'], hosts: ['127.0.0.1:80'] }, sampleLimit: { samples: 100, reason: 'small' }, ...overrides });

interface Case {
  readonly name: string;
  readonly domain?: DomainDef;
  readonly alerts?: readonly AlertDef[];
  readonly recording?: readonly RecordingRuleDef[];
  /** Queries of one dashboard's panels. */
  readonly panels?: readonly Query[];
  readonly jobs: readonly JobInput[];
  /** The config's declared environments. */
  readonly environments?: Record<string, { alertmanager?: string }>;
  readonly expect: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'a family an alert reads, exposed by a job that runs everywhere, passes', alerts: [readsConnections], jobs: [storeJob()], expect: [] },
  {
    name: 'a family no job exposes is refused, naming who reads it and where',
    alerts: [readsConnections],
    jobs: [otherJob()],
    expect: ['catalog/store.ts: store: no scrape job exposes store in compose, hosts, kubernetes, yet alert StoreBusy reads store_connections: the rules run there and would find nothing. Fix: add a scrape job with exposes: [store]'],
  },
  {
    name: 'a job missing one deployment the project scrapes is refused for that deployment',
    alerts: [readsConnections],
    jobs: [storeJob({ runsIn: ['compose', 'hosts'] }), otherJob()],
    expect: ["no scrape job exposes store in kubernetes, yet alert StoreBusy reads store_connections: the rules run there and would find nothing. Fix: add kubernetes to the runsIn of a job exposing it, say why it is not there with notIn: { kubernetes: 'why' }"],
  },
  {
    name: 'a declared environment where only other jobs have targets is refused for it',
    alerts: [readsConnections],
    environments: { production: { alertmanager: 'am.prod:9093' } },
    jobs: [storeJob(), otherJob({ targets: { ...otherJob().targets, production: ['other.prod:80'] } })],
    expect: ["no scrape job exposes store in production, yet alert StoreBusy reads store_connections: the rules run there and would find nothing. Fix: give a job exposing it targets in production, say why it is not there with notIn: { production: 'why' }"],
  },
  {
    name: 'a job that says why it has no targets in a declared environment passes',
    alerts: [readsConnections],
    environments: { production: { alertmanager: 'am.prod:9093' } },
    jobs: [storeJob({ notIn: { production: 'the managed store is scraped by the provider' } }), otherJob({ targets: { ...otherJob().targets, production: ['other.prod:80'] } })],
    expect: [],
  },
  { name: 'a job that says why it does not run in a deployment passes', alerts: [readsConnections], jobs: [storeJob({ runsIn: ['compose', 'hosts'], notIn: { kubernetes: 'a managed store, scraped by the provider' } }), otherJob()], expect: [] },
  { name: 'only the deployments some job runs in count', alerts: [readsConnections], jobs: [storeJob({ runsIn: ['hosts'] }), otherJob({ runsIn: ['hosts'] })], expect: [] },
  {
    name: 'a reason of spaces is refused',
    alerts: [readsConnections],
    jobs: [storeJob({ runsIn: ['compose', 'hosts'], notIn: { kubernetes: '  ' } }), otherJob()],
    expect: ['scrape job store: notIn.kubernetes needs a reason with visible characters'],
  },
  {
    name: 'a job that runs in a deployment and says why it does not is refused',
    alerts: [readsConnections],
    jobs: [storeJob({ notIn: { kubernetes: 'a managed store' } })],
    expect: ['notIn.kubernetes says why the job does not run in kubernetes, but its runsIn lists kubernetes: drop one of them'],
  },
  { name: 'a domain scraped by another Prometheus passes without a job', domain: store({ scrapedElsewhere: 'the edge Prometheus scrapes it; this one reads it through remote read' }), alerts: [readsConnections], jobs: [otherJob()], expect: [] },
  { name: 'scrapedElsewhere of spaces is refused', domain: store({ scrapedElsewhere: ' ' }), alerts: [readsConnections], jobs: [otherJob()], expect: ['store: scrapedElsewhere needs a reason with visible characters'] },
  { name: 'a family read through a recording rule is followed to it', alerts: [readsRule], recording: [queryRate], jobs: [otherJob()], expect: ['no scrape job exposes store in compose, hosts, kubernetes, yet recording rule job:store_queries:rate5m, alert StoreQueriesHigh read store_queries_total'] },
  { name: 'a family a panel reads counts', panels: [promql`sum(rate(${queries}{job=~"$job"}[$__rate_interval]))`], jobs: [otherJob()], expect: ['no scrape job exposes store in compose, hosts, kubernetes, yet dashboard case reads store_queries_total'] },
  { name: 'series Prometheus writes itself need no job', alerts: [readsUp], jobs: [otherJob()], expect: [] },
  { name: 'a family nothing reads needs no job', jobs: [otherJob()], expect: [] },
  { name: 'a project without scrape jobs is not checked: it renders no Prometheus configuration', alerts: [readsConnections], jobs: [], expect: [] },
];

function dashboard(model: Parameters<typeof buildDashboards>[1], queries: readonly Query[]): ModelDashboard[] {
  const definition = defineDashboard({ name: 'case', title: 'Case', folder: 'Service', description: 'd', scope: connections, rows: [dashboardRow('R', [timeseries({ title: 'T', unit: 'short', targets: queries.map((query) => target(query)) })])] });
  const built = buildDashboards([{ file: 'dashboards/case.ts', value: definition }], model);
  expect(built.problems).toEqual([]);
  return built.dashboards;
}

describe(`check ${scrapeCoverageCheck.id}`, () => {
  it.each(CASES)('$name', ({ domain = store(), alerts = [], recording = [], panels = [], jobs, environments, expect: expected }) => {
    const config = defineConfig({ namespace: 'app', environments });
    const built = buildModel(
      [
        { file: 'catalog/store.ts', value: domain },
        { file: 'catalog/scrape.ts', value: scrape },
      ],
      config,
    );
    const written = alerts.length + recording.length > 0 ? [{ file: 'alerts/case.ts', value: defineRules({ name: 'case', title: 'Case', alerts, recording }) }] : [];
    const rules = buildRules(written, built.model);
    const scrapeJobs = buildScrapeJobs(jobs.map((job, i) => ({ file: `scrape/job${i}.ts`, value: defineScrapeJob(job) })), built.model);
    expect([...built.problems, ...rules.problems, ...scrapeJobs.problems]).toEqual([]);
    const model = { ...built.model, rules: rules.rules, dashboards: panels.length > 0 ? dashboard(built.model, panels) : [], scrapeJobs: scrapeJobs.jobs };
    const problems = scrapeCoverageCheck.run(model);
    for (const problem of problems) expect(problem.check).toBe('scrape-coverage');
    const messages = problems.map((p) => `${p.file}: ${p.definition}: ${p.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });
});
