/**
 * Definitions load as an esbuild bundle with its own copy of the DSL (nothing depends on object
 * identity), from the project's node_modules/.cache/, so npm packages resolve; a file that does
 * not build or throws is a failure of that file, with its cause, and the launcher reports it in
 * one run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../generator/model/build.ts';
import { importBundled } from '../generator/model/bundle.ts';
import { buildRules } from '../generator/model/rules.ts';
import { defineConfig } from '../generator/config.ts';
import { rulesFile } from './helpers/invalid.ts';
import { domainFile, FIXTURE_PROJECT, REPO, runCli, scratchProject, VALID_DOMAIN, type Project } from './helpers/project.ts';

const projects: Project[] = [];
afterAll(() => projects.forEach((p) => p.remove()));
const project = (files: Record<string, string>) => {
  const p = scratchProject({ 'catalog/base.ts': VALID_DOMAIN, ...files });
  projects.push(p);
  return p;
};
const filesOf = (root: string, dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(root, dir, f));
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

describe('definitions bundled', () => {
  it('load a project: metrics stay application metrics, queries stay queries', async () => {
    const catalog = filesOf(FIXTURE_PROJECT, 'catalog');
    const alerts = filesOf(FIXTURE_PROJECT, 'alerts');
    const bundled = await importBundled(FIXTURE_PROJECT, [...catalog, ...alerts]);
    expect([...bundled.failures.keys()]).toEqual([]);
    expect(bundled.modules.size).toBe(catalog.length + alerts.length);
    const config = defineConfig({ namespace: 'shop' });
    const model = buildModel(catalog.map((file) => ({ file, value: bundled.modules.get(file)!.default })), config);
    expect(model.problems).toEqual([]);
    const rules = buildRules(alerts.map((file) => ({ file, value: bundled.modules.get(file)!.default })), model.model);
    expect(rules.problems).toEqual([]);
    const checkout = rules.rules.find((file) => file.name === 'checkout')!;
    expect(checkout.recording[0]!.expr).toContain('shop_orders_total');
    expect(checkout.recording[0]!.reads.metrics.map((metric) => metric.name)).toContain('shop_orders_total');
  });

  it('work with two copies of the DSL in one project: a rules file importing the generator by path reads a catalogue written with the sextant package', async () => {
    const byPath = rulesFile('')['alerts/case.ts']!.replace("from 'sextant'", "from '../../../../generator/index.ts'");
    const p = project({ 'alerts/case.ts': byPath });
    const bundled = await importBundled(p.root, [...filesOf(p.root, 'catalog'), ...filesOf(p.root, 'alerts')]);
    expect([...bundled.failures.keys()]).toEqual([]);
    const config = defineConfig({ namespace: 'app' });
    const { model } = buildModel([{ file: 'catalog/base.ts', value: bundled.modules.get(join(p.root, 'catalog/base.ts'))!.default }], config);
    const rules = buildRules([{ file: 'alerts/case.ts', value: bundled.modules.get(join(p.root, 'alerts/case.ts'))!.default }], model);
    expect(rules.problems).toEqual([]);
    const alert = rules.rules[0]!.alerts[0]!;
    expect(alert.expr).toBe('rate(app_requests_total[5m]) > 0.5');
    expect(alert.reads.metrics).toEqual([model.metrics.find((metric) => metric.key === 'requests')]);
    expect(alert.tests[0]!.series[0]!.series).toBe('app_requests_total{job="a", instance="a:1", route="/a"}');
  });

  it('name a file that does not build, with esbuild\'s cause and line, and still load the others', async () => {
    const p = project({ 'catalog/case.ts': 'export default defineDomain({ name: ' });
    const bundled = await importBundled(p.root, filesOf(p.root, 'catalog'));
    expect([...bundled.modules.keys()]).toEqual([join(p.root, 'catalog/base.ts')]);
    expect(messageOf(bundled.failures.get(join(p.root, 'catalog/case.ts')))).toMatch(/^Unexpected end of file \(at catalog\/case\.ts:1\)$/);
  });

  it('name a file that throws while it runs, with the line of its source that threw', async () => {
    const p = project({ 'catalog/case.ts': "import { exponentialBuckets } from 'sextant';\n\nexponentialBuckets(0, 2, 5);\nexport default {};\n" });
    const bundled = await importBundled(p.root, filesOf(p.root, 'catalog'));
    const error = bundled.failures.get(join(p.root, 'catalog/case.ts'));
    expect(messageOf(error)).toContain('exponentialBuckets: start must be > 0');
    expect((error as Error).stack).toContain(`${join(p.root, 'catalog/case.ts')}:3:`);
    expect(bundled.modules.has(join(p.root, 'catalog/base.ts'))).toBe(true);
  });

  it('resolve the npm packages a definition imports, as Node would from the project', async () => {
    const p = project({
      'node_modules/route-table/package.json': JSON.stringify({ name: 'route-table', version: '1.0.0', type: 'module', exports: './index.js' }),
      'node_modules/route-table/index.js': "export const ROUTES = ['/a', '/b', '/c'];\n",
      'catalog/case.ts': domainFile("c: counter({ name: 'c_total', help: 'h', labels: { route: ROUTES } }),", { imports: 'counter' }).replace("from 'sextant';", "from 'sextant';\nimport { ROUTES } from 'route-table';"),
    });
    const bundled = await importBundled(p.root, filesOf(p.root, 'catalog'));
    expect([...bundled.failures.values()].map(messageOf)).toEqual([]);
    const domain = bundled.modules.get(join(p.root, 'catalog/case.ts'))!.default as { metrics: { c: { labels: { route: string[] } } } };
    expect(domain.metrics.c.labels.route).toEqual(['/a', '/b', '/c']);
    expect(existsSync(join(p.root, 'node_modules/.cache/sextant'))).toBe(true);
    expect(readdirSync(join(p.root, 'node_modules/.cache/sextant'))).toEqual([]);
  });

  it('report a key written twice in one object, which JavaScript would silently drop, with its file and line', async () => {
    const p = project({ 'catalog/case.ts': domainFile("a: counter({ name: 'a_total', help: 'h', labels: { route: ['/a'], route: ['/b'] } }),\n    a: counter({ name: 'b_total', help: 'h' }),") });
    const bundled = await importBundled(p.root, filesOf(p.root, 'catalog'));
    expect(bundled.duplicateKeys).toEqual([
      { file: 'catalog/case.ts', line: 8, firstLine: 8, key: 'route' },
      { file: 'catalog/case.ts', line: 9, firstLine: 8, key: 'a' },
    ]);
  });

  it('report a key written twice even when the file then fails to run', async () => {
    const p = project({ 'catalog/case.ts': "import { exponentialBuckets } from 'sextant';\nconst x = { a: 1, a: 2 };\nexponentialBuckets(0, 2, 5);\nexport default x;\n" });
    const bundled = await importBundled(p.root, filesOf(p.root, 'catalog'));
    expect(bundled.failures.has(join(p.root, 'catalog/case.ts'))).toBe(true);
    expect(bundled.duplicateKeys).toEqual([{ file: 'catalog/case.ts', line: 2, firstLine: 2, key: 'a' }]);
  });
});

describe('the launcher (npm run generate)', () => {
  it('writes what the TypeScript entry point writes', async () => {
    const bundled = project({ 'catalog/shop.ts': domainFile("a: counter({ name: 'orders_total', help: 'h' }),", { name: 'shop' }) });
    const plain = project({ 'catalog/shop.ts': domainFile("a: counter({ name: 'orders_total', help: 'h' }),", { name: 'shop' }) });
    expect((await runCli(['generate', '--root', bundled.root])).status).toBe(0);
    expect((await runCli(['generate', '--root', plain.root], REPO, { underTsx: true })).status).toBe(0);
    expect((await runCli(['generate', '--root', plain.root, '--out', join(bundled.root, 'generated'), '--check'])).status).toBe(0);
  });

  it('generates from definitions that import the generator by path (their own copy of the DSL)', async () => {
    const byPath = VALID_DOMAIN.replace("from 'sextant'", "from '../../../../generator/index.ts'");
    const p = project({ 'catalog/base.ts': byPath });
    const run = await runCli(['generate', '--root', p.root]);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(p.root, 'generated/docs/metrics.md'), 'utf8')).toContain('`app_requests_total`');
  });

  it('generates from a definition that imports an npm package of the project', async () => {
    const p = project({
      'node_modules/route-table/package.json': JSON.stringify({ name: 'route-table', version: '1.0.0', type: 'module', exports: './index.js' }),
      'node_modules/route-table/index.js': "export const ROUTES = ['/from-the-package'];\n",
      'catalog/base.ts': VALID_DOMAIN.replace("from 'sextant';", "from 'sextant';\nimport { ROUTES } from 'route-table';").replace("labels: { route: ['/a', '/b'] }", 'labels: { route: ROUTES }'),
    });
    const run = await runCli(['generate', '--root', p.root]);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(p.root, 'generated/docs/metrics.md'), 'utf8')).toContain('/from-the-package');
  });

  /** A valid file that counts how often the definitions are loaded: a second run would load them again. */
  const counted = `import { appendFileSync } from 'node:fs';\nappendFileSync(process.env.SEXTANT_TEST_LOADS!, 'x');\n${domainFile("n: counter({ name: 'n_total', help: 'h' }),", { name: 'counted', imports: 'counter' })}`;

  it.each([
    { name: 'does not compile', file: 'export default defineDomain({ name: ', cause: /^catalog\/case\.ts: file: cannot load: Unexpected end of file \(at catalog\/case\.ts:1\) \[load\]$/m },
    { name: 'throws while it runs', file: "import { exponentialBuckets } from 'sextant';\nexponentialBuckets(0, 2, 5);\nexport default {};\n", cause: /^catalog\/case\.ts: file: cannot load: exponentialBuckets: start must be > 0.* \(at catalog\/case\.ts:2\) \[load\]$/m },
  ])('reports a definition that $name with its file and cause, exit 1, in one run', async ({ file, cause }) => {
    const p = project({ 'catalog/case.ts': file, 'catalog/counted.ts': counted });
    const run = await runCli(['generate', '--root', p.root], REPO, { env: { ...process.env, SEXTANT_TEST_LOADS: join(p.root, 'loads.txt') } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(cause);
    expect(run.stderr.match(/catalog\/case\.ts: file/g)).toHaveLength(1);
    expect(run.stderr).not.toContain('internal error');
    expect(readFileSync(join(p.root, 'loads.txt'), 'utf8')).toBe('x');
  });
});
