/**
 * The config's packs reach the builders as definition sources named after the pack, and a list
 * that is not one of packs is refused at the config, naming the entry and the fix.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { defineDomain, upstream } from '../../generator/dsl/domain.ts';
import { gauge } from '../../generator/dsl/metrics.ts';
import { definePack, packScrapeJob, packThresholds } from '../../generator/dsl/packs.ts';
import { defineRules } from '../../generator/dsl/rules.ts';
import { packSources } from '../../generator/model/packs.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import type { Problem } from '../../generator/problems.ts';
import { scratchProject } from '../helpers/project.ts';

const domain = defineDomain({
  name: 'widget_exporter',
  title: 'Widgets',
  description: '',
  owner: upstream('widget_exporter', '1.0', 'https://example.com/widget_exporter'),
  metrics: { widgets: gauge({ name: 'widgets', help: 'Widgets in stock.' }) },
});
const pack = (name = 'widgets') =>
  definePack({ name, program: 'widget_exporter', versions: '1.x', domains: [domain], rules: [defineRules({ name: 'widgets', title: 'Widgets' })], dashboards: [], scrape: [packScrapeJob({ name: 'widgets', exposes: [domain] }, { job: 'stock' })] });

function sourcesOf(packs: unknown) {
  const problems: Problem[] = [];
  const sources = packSources(defineConfig({ packs: packs as never }), problems);
  return { sources, messages: problems.map((p) => `${p.file} ${p.definition}: ${p.message}`) };
}

describe('packs in the config', () => {
  it('become definition sources placed under sextant/packs/<name>', () => {
    const { sources, messages } = sourcesOf([pack()]);
    expect(messages).toEqual([]);
    expect(sources.catalog.map((s) => s.file)).toEqual(['sextant/packs/widgets/catalog']);
    expect(sources.rules.map((s) => s.file)).toEqual(['sextant/packs/widgets/alerts']);
    expect(sources.scrape.map((s) => s.file)).toEqual(['sextant/packs/widgets/scrape']);
    expect((sources.scrape[0]!.value as { name: string }).name).toBe('stock');
  });

  it.each([
    { name: 'a pack not called', packs: [pack], expect: 'sextant.config.ts packs[0]: is not a pack: call it (node(), not node)' },
    { name: 'something else', packs: [{ name: 'x' }], expect: 'packs[0]: is not a pack: import it from sextant/packs/<name> and call it' },
    { name: 'the same pack twice', packs: [pack(), pack()], expect: "packs[1]: pack 'widgets' is listed twice" },
    { name: 'not a list', packs: pack(), expect: 'packs: packs must be a list of packs' },
  ])('refuses $name', ({ packs, expect: expected }) => {
    expect(sourcesOf(packs).messages.join('\n')).toContain(expected);
  });

  it('refuses an option or a threshold the pack does not read, naming the nearest known one', () => {
    const parts = { name: 'widgets', program: 'widget_exporter', versions: '1.x', domains: [domain], rules: [], dashboards: [], scrape: [] };
    const misspelt = definePack(parts, { jobs: 'stock', thresholds: { stockRatio: 0.5 } } as never, { stocksRatio: 0.9 });
    expect(sourcesOf([misspelt]).messages).toEqual([
      "sextant.config.ts packs.widgets.jobs: unknown key 'jobs' in the widgets pack's options, so it would be ignored: did you mean 'job'? (known: job, targets, runsIn, notIn, kubernetes, thresholds, escalation, folder)",
      "sextant.config.ts packs.widgets.thresholds.stockRatio: unknown key 'stockRatio' in the widgets pack's thresholds, so it would be ignored: did you mean 'stocksRatio'? (known: stocksRatio)",
    ]);
  });

  it('targets: an environment the options name replaces that environment’s defaults only', () => {
    const job = packScrapeJob({ name: 'widgets', targets: { compose: ['widgets:9999'], hosts: ['127.0.0.1:9999'] } }, { targets: { hosts: ['db1:9999'], production: ['db.prod:9999'] } });
    expect(job.targets).toEqual({ compose: ['widgets:9999'], hosts: ['db1:9999'], production: ['db.prod:9999'] });
  });

  it('thresholds: the options override the defaults by name', () => {
    expect(packThresholds({ a: 1, b: 2 }, { thresholds: { b: 3 } })).toEqual({ a: 1, b: 3 });
  });
});

describe('a project of packs only', () => {
  const project = scratchProject({
    'sextant.config.ts': `import { defineConfig, defineDomain, definePack, gauge, packScrapeJob, upstream } from 'sextant';
const domain = defineDomain({ name: 'widget_exporter', title: 'Widgets', description: '', owner: upstream('widget_exporter', '1.0', 'https://example.com/widget_exporter'), metrics: { widgets: gauge({ name: 'widgets', help: 'Widgets in stock.' }) } });
const widgets = definePack({ name: 'widgets', program: 'widget_exporter', versions: '1.x', domains: [domain], rules: [], dashboards: [], scrape: [packScrapeJob({ name: 'widgets', targets: { compose: ['widgets:9999'], hosts: ['127.0.0.1:9999'] }, exposes: [domain] }, {})] });
export default defineConfig({ packs: [widgets] });
`,
  });
  afterAll(() => project.remove());

  it('needs no catalog/ and generates the pack’s scrape job', async () => {
    const result = await runPipeline(project.root);
    if (!result.ok) throw new Error(result.problems.map((p) => `${p.file} ${p.definition} [${p.check}] ${p.message}`).join('\n'));
    expect(result.model.scrapeJobs.map((job) => job.name)).toEqual(['widgets']);
    const config = result.files.find((file) => file.path.endsWith('prometheus.hosts.yml'));
    expect(config?.content).toContain("127.0.0.1:9999");
  });
});
