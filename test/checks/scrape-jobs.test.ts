import { describe, expect, it } from 'vitest';
import { defineDomain, defineScrapeJob, gauge, histogram } from '../../generator/index.ts';
import { buildScrapeJobs } from '../../generator/model/scrape.ts';
import { scrapeJobsCheck } from '../../generator/validate/checks/scrape-jobs.ts';
import { modelOf } from '../helpers/check-table.ts';

type JobInput = Parameters<typeof defineScrapeJob>[0];

const base: JobInput = { name: 'shop', targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'] }, sampleLimit: { samples: 500, reason: 'a third-party program' } };

/** Each case: the scrape jobs defined (each in its own file), and the messages expected, in order. */
const CASES: { name: string; jobs: Partial<JobInput>[]; expect: string[] }[] = [
  { name: 'a job with targets everywhere, a stated limit and the Kubernetes defaults passes', jobs: [{}], expect: [] },
  { name: 'a job name with a dot is rejected', jobs: [{ name: 'shop.v2' }], expect: ['letters, digits, _ and -'] },
  { name: 'a job defined twice is rejected', jobs: [{}, {}], expect: ['job shop is already defined in scrape/job0.ts'] },
  { name: 'one job receiving alerts passes', jobs: [{ receivesAlerts: true }, { name: 'am' }], expect: [] },
  {
    name: 'two jobs receiving alerts are rejected: Prometheus has one Alertmanager address',
    jobs: [{ receivesAlerts: true }, { name: 'am', receivesAlerts: true }],
    expect: ['receivesAlerts is already set on scrape job shop (scrape/job0.ts); Prometheus sends alerts to one Alertmanager address, so set it on one job'],
  },
  { name: 'a job without hosts targets is rejected', jobs: [{ targets: { compose: ['shop:8080'], hosts: [] } }], expect: ['no targets for the hosts environment'] },
  { name: 'a target without a port is rejected', jobs: [{ targets: { compose: ['shop:8080'], hosts: ['127.0.0.1'] } }], expect: ["target '127.0.0.1' (hosts) is not host:port"] },
  { name: 'a target on port 0 is rejected', jobs: [{ targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:0'] } }], expect: ["target '127.0.0.1:0' (hosts) has port 0, outside 1–65535"] },
  { name: 'a target on port 65536 is rejected', jobs: [{ targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:65536'] } }], expect: ["target '127.0.0.1:65536' (hosts) has port 65536, outside 1–65535"] },
  { name: 'a target on port 65535 passes', jobs: [{ targets: { compose: ['shop:65535'], hosts: ['127.0.0.1:1'] } }], expect: [] },
  { name: 'a target with a named port is rejected', jobs: [{ targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:http'] } }], expect: ["target '127.0.0.1:http' (hosts) is not host:port"] },
  { name: 'a target with credentials is rejected and told why', jobs: [{ targets: { compose: ['shop:8080'], hosts: ['user:pw@127.0.0.1:8080'] } }], expect: ['credentials do not go in a target'] },
  { name: 'a target written as a URL is rejected', jobs: [{ targets: { compose: ['shop:8080'], hosts: ['http://127.0.0.1:8080'] } }], expect: ["target 'http://127.0.0.1:8080' (hosts) is not host:port"] },
  { name: 'a metrics path with a query string is rejected', jobs: [{ metricsPath: '/metrics?format=prometheus' }], expect: ["metrics path '/metrics?format=prometheus' holds a query string"] },
  { name: 'a metrics path with a fragment is rejected', jobs: [{ metricsPath: '/metrics#x' }], expect: ["metrics path '/metrics#x' holds a query string, fragment or space"] },
  { name: 'a metrics path with a space is rejected', jobs: [{ metricsPath: '/my metrics' }], expect: ['holds a query string, fragment or space'] },
  { name: 'an interval of 0s is rejected', jobs: [{ interval: '0s' }], expect: ["interval '0s' is not a duration longer than 0"] },
  { name: 'a timeout of 0s is rejected', jobs: [{ timeout: '0s' }], expect: ["timeout '0s' is not a duration longer than 0"] },
  { name: 'an interval under 10s without a timeout passes: the timeout follows the interval', jobs: [{ interval: '5s' }], expect: [] },
  { name: 'a timeout longer than the interval is rejected', jobs: [{ interval: '10s', timeout: '15s' }], expect: ['timeout 15s is longer than the interval'] },
  { name: 'an interval that is not a duration is rejected', jobs: [{ interval: '10 seconds' }], expect: ["interval '10 seconds' is not a duration"] },
  { name: 'a metrics path already percent-encoded is rejected: Prometheus encodes it again', jobs: [{ metricsPath: '/a%20b' }], expect: ["metrics path '/a%20b' holds a percent-encoding"] },
  { name: 'a sample limit whose reason is only spaces is rejected', jobs: [{ sampleLimit: { samples: 500, reason: '  ' } }], expect: ["sampleLimit's reason has no visible characters"] },
  { name: 'a metrics path without a leading slash is rejected', jobs: [{ metricsPath: 'metrics' }], expect: ["metrics path 'metrics' must start with /"] },
  { name: 'a job exposing nothing without a stated limit is rejected', jobs: [{ sampleLimit: undefined }], expect: ['derive limits from exposes'] },
  { name: 'a stated sample limit of zero is rejected', jobs: [{ sampleLimit: { samples: 0, reason: 'none' } }], expect: ['sample limit must be a positive integer, got 0'] },
  { name: 'explicit pod labels, port and port name pass', jobs: [{ kubernetes: { podLabels: { 'app.kubernetes.io/name': 'shop', tier: 'web' }, port: 9102, portName: 'http-metrics' } }], expect: [] },
  { name: 'no pod labels are rejected: discovery would scrape every pod', jobs: [{ kubernetes: { podLabels: {} } }], expect: ['kubernetes.podLabels must name at least one label'] },
  { name: 'a pod label key with a space is rejected', jobs: [{ kubernetes: { podLabels: { 'app name': 'shop' } } }], expect: ["kubernetes.podLabels: 'app name' is not a Kubernetes label key"] },
  { name: 'a pod label value with a slash is rejected', jobs: [{ kubernetes: { podLabels: { app: 'shop/web' } } }], expect: ["kubernetes.podLabels: 'shop/web' is not a Kubernetes label value"] },
  { name: 'an empty pod label value is rejected', jobs: [{ kubernetes: { podLabels: { app: '' } } }], expect: ["pod label 'app' needs a value"] },
  { name: 'a port above 65535 is rejected', jobs: [{ kubernetes: { port: 80800 } }], expect: ['kubernetes.port must be a port number (1–65535), got 80800'] },
  { name: 'a port name over 15 characters is rejected', jobs: [{ kubernetes: { portName: 'prometheus-metrics' } }], expect: ["kubernetes.portName 'prometheus-metrics' is not a container port name"] },
  { name: 'a port name with capitals is rejected', jobs: [{ kubernetes: { portName: 'Metrics' } }], expect: ["kubernetes.portName 'Metrics'"] },
  { name: 'a port name of digits only is rejected', jobs: [{ kubernetes: { portName: '9090' } }], expect: ["kubernetes.portName '9090'"] },
  { name: 'a Kubernetes-only job needs no targets', jobs: [{ runsIn: ['kubernetes'], targets: {}, kubernetes: { port: 8080 } }], expect: [] },
  { name: 'a Kubernetes-only pod job without a port is rejected', jobs: [{ runsIn: ['kubernetes'], targets: {} }], expect: ['kubernetes.port must be a port number (1–65535), got 0'] },
  { name: 'a hosts-only job checks only its hosts targets, and no Kubernetes settings', jobs: [{ runsIn: ['hosts'], targets: { hosts: ['127.0.0.1:8080'] }, kubernetes: { podLabels: {} } }], expect: [] },
  { name: 'a job that runs nowhere is rejected', jobs: [{ runsIn: [] }], expect: ['runsIn must list some of compose, hosts, kubernetes'] },
  { name: 'a job that runs somewhere unknown is rejected', jobs: [{ runsIn: ['swarm' as never] }], expect: ['runsIn must list some of compose, hosts, kubernetes, not swarm'] },
  { name: 'a node job (the kubelet) needs no pod labels or port', jobs: [{ runsIn: ['kubernetes'], targets: {}, metricsPath: '/metrics/cadvisor', kubernetes: { role: 'node', podLabels: {} } }], expect: [] },
  { name: 'a discovery role other than pod or node is rejected', jobs: [{ kubernetes: { role: 'service' as never } }], expect: ["kubernetes.role must be pod or node, not 'service'"] },
  { name: 'a namespace that is not a DNS label is rejected', jobs: [{ kubernetes: { namespaces: ['Kube_System'] } }], expect: ["kubernetes.namespaces: 'Kube_System' is not a valid namespace"] },
  { name: 'namespaces given as one string instead of a list are rejected', jobs: [{ kubernetes: { namespaces: 'default' as never } }], expect: ['kubernetes.namespaces must be a list of namespaces, not "default"'] },
  { name: 'keeping only catalogued metrics of no domain is rejected: it would keep nothing', jobs: [{ keepOnlyCatalogued: true }], expect: ['keepOnlyCatalogued needs exposes'] },
];

describe(`check ${scrapeJobsCheck.id}`, () => {
  const model = modelOf({ m: gauge({ name: 'g', help: 'h' }) });
  it.each(CASES)('$name', ({ jobs, expect: expected }) => {
    const sources = jobs.map((job, i) => ({ file: `scrape/job${i}.ts`, value: defineScrapeJob({ ...base, ...job }) }));
    const built = buildScrapeJobs(sources, model);
    expect(built.problems).toEqual([]);
    const problems = scrapeJobsCheck.run({ ...model, scrapeJobs: built.jobs });
    for (const problem of problems) expect(problem.check).toBe('scrape-jobs');
    const messages = problems.map((p) => `${p.file}: ${p.definition}: ${p.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });
});

describe('keepOnlyCatalogued', () => {
  it('keeps every sample name of the exposed domains, histogram series included', () => {
    const metrics = { up: gauge({ name: 'up_now', help: 'h' }), latency: histogram({ name: 'latency_seconds', help: 'h', unit: 'seconds', buckets: [1] }) };
    const model = modelOf(metrics);
    const domain = defineDomain({ name: 'test', title: 'Test', description: '', owner: 'app', metrics });
    const { jobs } = buildScrapeJobs([{ file: 'scrape/job.ts', value: defineScrapeJob({ ...base, exposes: [domain], keepOnlyCatalogued: true }) }], model);
    expect(jobs[0]!.keepMetrics).toEqual(['app_latency_seconds', 'app_latency_seconds_bucket', 'app_latency_seconds_count', 'app_latency_seconds_sum', 'app_up_now']);
  });
});

describe('declared environments (staging, production)', () => {
  const model = modelOf({ m: gauge({ name: 'g', help: 'h' }) }, 'app', { environments: { staging: {}, production: { alertmanager: 'am.prod:9093' } } });
  const receiver: Partial<JobInput> = { name: 'alertmanager', receivesAlerts: true, targets: { compose: ['alertmanager:9093'], hosts: ['127.0.0.1:9093'], staging: ['am.staging:9093'] } };
  const shop: Partial<JobInput> = { targets: { ...base.targets, staging: ['shop.staging:8080'], production: ['shop-1.prod:8080', 'shop-2.prod:8080'] } };
  it.each([
    { name: 'jobs with targets in each, and an Alertmanager each, pass', jobs: [shop, receiver], expect: [] },
    { name: 'an environment no job has targets in is refused (the receiving job is one in staging)', jobs: [{}, receiver], expect: ["sextant.config.ts: environments.production: no scrape job lists targets in production, so its Prometheus would scrape nothing: give the jobs that run there targets: { production: ['host:port'] }"] },
    { name: 'an environment without an Alertmanager is refused, naming the job to give a target', jobs: [shop, { ...receiver, targets: base.targets }], expect: ['environments.staging: Prometheus in staging has no Alertmanager to send alerts to: give scrape job alertmanager (receivesAlerts) targets.staging'] },
    { name: 'without a receiving job, the config is where the address goes', jobs: [shop], expect: ['environments.staging: Prometheus in staging has no Alertmanager to send alerts to: set environments.staging.alertmanager to its host:port'] },
    { name: 'an Alertmanager given twice is refused', jobs: [shop, { ...receiver, targets: { ...receiver.targets, production: ['am-2.prod:9093'] } }], expect: ['environments.production: the Alertmanager in production is given twice'] },
    { name: 'an empty target list in a declared environment is refused', jobs: [{ targets: { ...shop.targets, staging: [] } }, receiver], expect: ['scrape job shop: no targets for the staging environment'] },
    { name: 'a target of a declared environment is checked like the others', jobs: [{ targets: { ...shop.targets, production: ['http://shop.prod:8080'] } }, receiver], expect: ["target 'http://shop.prod:8080' (production) is not host:port"] },
  ])('$name', ({ jobs, expect: expected }) => {
    const sources = jobs.map((job, i) => ({ file: `scrape/job${i}.ts`, value: defineScrapeJob({ ...base, ...job }) }));
    const built = buildScrapeJobs(sources, model);
    expect(built.problems).toEqual([]);
    const messages = scrapeJobsCheck.run({ ...model, scrapeJobs: built.jobs }).map((p) => `${p.file}: ${p.definition}: ${p.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });

  it('a job runs in a declared environment where it lists targets', () => {
    const { jobs } = buildScrapeJobs([{ file: 'scrape/shop.ts', value: defineScrapeJob({ ...base, targets: { ...base.targets, staging: ['shop.staging:8080'] } }) }], model);
    expect(jobs[0]!.runsIn).toEqual(['compose', 'hosts', 'kubernetes', 'staging']);
  });

  it('targets or notIn under an environment the config does not declare are refused, with the nearest name', () => {
    const job = defineScrapeJob({ ...base, targets: { ...base.targets, stagin: ['shop.staging:8080'] }, notIn: { prod: 'not there' } });
    const { problems } = buildScrapeJobs([{ file: 'scrape/shop.ts', value: job }], model);
    expect(problems.map((p) => `${p.check}: ${p.definition}: ${p.message}`)).toEqual([
      "definition-shape: scrape job shop: targets.stagin names no environment (known: compose, hosts, staging, production): did you mean 'staging'? Declare a new one in sextant.config.ts under environments: { stagin: {} }.",
      'definition-shape: scrape job shop: notIn.prod names no environment (known: compose, hosts, kubernetes, staging, production). Declare a new one in sextant.config.ts under environments: { prod: {} }.',
    ]);
  });
});
