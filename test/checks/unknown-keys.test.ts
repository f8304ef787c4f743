/**
 * Keys a definition was written with that the engine does not read (a typo such as `lables`) are
 * named by the model builders, with the nearest known key: dropped silently, they would leave a
 * metric without its labels or a scrape job on its default path.
 */
import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { counter, defineDomain, defineScrapeJob, gauge } from '../../generator/index.ts';
import { buildModel } from '../../generator/model/build.ts';
import { buildScrapeJobs } from '../../generator/model/scrape.ts';
import { modelOf } from '../helpers/check-table.ts';

/** Definitions as a careless user writes them: keys TypeScript would flag, but the bundle never type-checks. */
const loose = (value: object) => value as never;
const config = defineConfig({ namespace: 'app' });

describe('unknown keys in a catalogue file', () => {
  it.each([
    { name: 'a metric written with its known options passes', domain: { metrics: { a: counter({ name: 'a_total', help: 'h', labels: { route: ['/a'] } }) } }, expect: [] },
    {
      name: 'a misspelt labels option is named, with the nearest option',
      domain: { metrics: { a: counter(loose({ name: 'a_total', help: 'h', lables: { route: ['/a'] } })) } },
      expect: ["app_a_total: unknown key 'lables' in the counter() options, so it would be ignored: did you mean 'labels'?"],
    },
    { name: 'a misspelt buckets option is named', domain: { metrics: { a: counter(loose({ name: 'a_total', help: 'h', bucket: [1] })) } }, expect: ["unknown key 'bucket' in the counter() options, so it would be ignored: did you mean 'buckets'?"] },
    { name: 'a misspelt metrics object of a domain is named', domain: { metrics: { a: counter({ name: 'a_total', help: 'h' }) }, metric: {} }, expect: ["test: unknown key 'metric' in defineDomain(), so it would be ignored: did you mean 'metrics'?"] },
  ])('$name', ({ domain, expect: expected }) => {
    const written = defineDomain(loose({ name: 'test', title: 'Test', description: '', owner: 'app', ...domain }));
    const { problems } = buildModel([{ file: 'catalog/test.ts', value: written }], config);
    expect(problems.map((p) => `${p.definition}: ${p.message}`)).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(`${problems[i]!.definition}: ${problems[i]!.message}`).toContain(text));
    for (const problem of problems) expect(problem.check).toBe('definition-shape');
  });
});

describe('unknown keys in a scrape file', () => {
  const base = { name: 'shop', targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'] }, sampleLimit: { samples: 10, reason: 'r' } };
  it.each([
    { name: 'a job written with its known keys passes', job: {}, expect: [] },
    { name: 'a misspelt metrics path is named', job: { metricPath: '/x' }, expect: ["unknown key 'metricPath' in defineScrapeJob(), so it would be ignored: did you mean 'metricsPath'?"] },
    { name: 'a misspelt Kubernetes key is named', job: { kubernetes: { podLabel: { app: 'shop' } } }, expect: ["unknown key 'podLabel' in kubernetes, so it would be ignored: did you mean 'podLabels'?"] },
    { name: 'a misspelt sample limit key is named', job: { sampleLimit: { sample: 10, reason: 'r' } }, expect: ["unknown key 'sample' in sampleLimit, so it would be ignored: did you mean 'samples'?"] },
    { name: 'targets for an environment that has none are named', job: { targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'], kubernetes: ['shop:8080'] } }, expect: ['targets.kubernetes: targets in Kubernetes are discovered, not listed'] },
  ])('$name', ({ job, expect: expected }) => {
    const { problems } = buildScrapeJobs([{ file: 'scrape/shop.ts', value: defineScrapeJob(loose({ ...base, ...job })) }], modelOf({ m: gauge({ name: 'g', help: 'h' }) }));
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(`${problems[i]!.definition}: ${problems[i]!.message}`).toContain(text));
  });
});
