/**
 * Definitions load as one esbuild bundle that shares the running generator's DSL, and anything
 * that cannot be bundled falls back to file-by-file loading, which names the failing file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModel } from '../generator/model/build.ts';
import { importBundled } from '../generator/model/bundle.ts';
import { buildRules } from '../generator/model/rules.ts';
import { defineConfig } from '../generator/config.ts';
import { domainFile, REPO, runCli, scratchProject, VALID_DOMAIN, type Project } from './helpers/project.ts';

const projects: Project[] = [];
afterAll(() => projects.forEach((p) => p.remove()));
const project = (files: Record<string, string>) => {
  const p = scratchProject({ 'catalog/base.ts': VALID_DOMAIN, ...files });
  projects.push(p);
  return p;
};
const filesOf = (root: string, dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(root, dir, f));

describe('definitions bundled in one module', () => {
  it('load the reference project, sharing the DSL: metrics stay application metrics, queries stay queries', async () => {
    const catalog = filesOf(REPO, 'catalog');
    const alerts = filesOf(REPO, 'alerts');
    const bundled = await importBundled(REPO, [...catalog, ...alerts]);
    if (!('modules' in bundled)) throw new Error(`not bundled: ${bundled.failed}`);
    expect(bundled.modules.size).toBe(catalog.length + alerts.length);
    const config = defineConfig({ namespace: 'taskforge' });
    const model = buildModel(catalog.map((file) => ({ file, value: bundled.modules.get(file)!.default })), config);
    expect(model.problems).toEqual([]);
    const rules = buildRules(alerts.map((file) => ({ file, value: bundled.modules.get(file)!.default })), model.model);
    expect(rules.problems).toEqual([]);
    // The registry of application metrics is the generator's own: queries get the namespace.
    const http = rules.rules.find((file) => file.name === 'http')!;
    expect(http.recording[0]!.expr).toContain('taskforge_http_request');
  });

  it('give up on a syntax error, so the file-by-file loader can name the file', async () => {
    const p = project({ 'catalog/case.ts': 'export default defineDomain({ name: ' });
    expect(await importBundled(p.root, filesOf(p.root, 'catalog'))).toEqual({ failed: 'does not build', duplicateKeys: [] });
  });

  it('give up on a helper that throws', async () => {
    const p = project({ 'catalog/case.ts': "import { exponentialBuckets } from '#sextant';\nexponentialBuckets(0, 2, 5);\nexport default {};\n" });
    expect(await importBundled(p.root, filesOf(p.root, 'catalog'))).toEqual({ failed: 'does not evaluate', duplicateKeys: [] });
  });

  it('report a key written twice in one object, which JavaScript would silently drop, with its file and line', async () => {
    const p = project({ 'catalog/case.ts': domainFile("a: counter({ name: 'a_total', help: 'h', labels: { route: ['/a'], route: ['/b'] } }),\n    a: counter({ name: 'b_total', help: 'h' }),") });
    const bundled = await importBundled(p.root, filesOf(p.root, 'catalog'));
    expect(bundled.duplicateKeys).toEqual([
      { file: 'catalog/case.ts', line: 8, firstLine: 8, key: 'route' },
      { file: 'catalog/case.ts', line: 9, firstLine: 8, key: 'a' },
    ]);
  });

  it('report a key written twice even when the definitions then fail to evaluate', async () => {
    const p = project({ 'catalog/case.ts': "import { exponentialBuckets } from '#sextant';\nconst x = { a: 1, a: 2 };\nexponentialBuckets(0, 2, 5);\nexport default x;\n" });
    expect(await importBundled(p.root, filesOf(p.root, 'catalog'))).toEqual({ failed: 'does not evaluate', duplicateKeys: [{ file: 'catalog/case.ts', line: 2, firstLine: 2, key: 'a' }] });
  });

  it('give up on a definition that imports the generator by path, which would copy the DSL', async () => {
    const p = project({ 'catalog/case.ts': "export { defineDomain } from '../../../../generator/dsl/domain.ts';\n" });
    expect(await importBundled(p.root, filesOf(p.root, 'catalog'))).toEqual({ failed: 'bundles the generator', duplicateKeys: [] });
  });
});

describe('the launcher (npm run generate)', () => {
  it('writes what the TypeScript entry point writes', async () => {
    const bundled = project({ 'catalog/shop.ts': domainFile("a: counter({ name: 'orders_total', help: 'h' }),", { name: 'shop' }) });
    const plain = project({ 'catalog/shop.ts': domainFile("a: counter({ name: 'orders_total', help: 'h' }),", { name: 'shop' }) });
    expect((await runCli(['--root', bundled.root])).status).toBe(0);
    expect((await runCli(['--root', plain.root], REPO, { underTsx: true })).status).toBe(0);
    expect((await runCli(['--root', plain.root, '--out', join(bundled.root, 'generated'), '--check'])).status).toBe(0);
  });

  it('keeps one DSL when a definition imports the generator by path (it reruns under tsx)', async () => {
    const byPath = VALID_DOMAIN.replace("from '#sextant'", "from '../../../../generator/index.ts'");
    const p = project({ 'catalog/base.ts': byPath });
    const run = await runCli(['--root', p.root]);
    expect(run.stderr).toBe('');
    expect(readFileSync(join(p.root, 'generated/docs/metrics.md'), 'utf8')).toContain('`app_requests_total`');
  });

  it('reruns under tsx when a definition does not load, and names the file', async () => {
    const p = project({ 'catalog/case.ts': 'export default defineDomain({ name: ' });
    const run = await runCli(['--root', p.root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('catalog/case.ts: file: cannot load');
  });
});
