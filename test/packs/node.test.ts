/**
 * The node_exporter pack in a project of its own: it generates with no problem, promtool passes
 * its tests with the defaults and with every threshold and the job overridden, a misspelt option
 * or threshold is refused by name, and against a real node_exporter 1.9 (Debian trixie's, on
 * 127.0.0.1) verify is clean and every panel of its dashboard has data.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS } from '../../generator/packs/node/index.ts';
import { NODE_EXPORTER_VERSION } from '../../generator/packs/node/domain.ts';
import { PACKS } from '../../generator/packs/index.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import type { GeneratedFile } from '../../generator/render/stage.ts';
import { runCommand } from '../helpers/command.ts';
import { packProject, panelsWithoutData, prometheusScraping, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { REPO, scratchProject } from '../helpers/project.ts';
import { freePort, startServer, type Server } from '../helpers/servers.ts';

const IMPORT = "import node from 'sextant/packs/node';";
/** Every threshold away from its default, and the job renamed. */
const OVERRIDES = {
  cpuRatio: 0.9,
  memoryRatio: 0.9,
  loadPerCpu: 1.5,
  diskFreeRatio: 0.2,
  diskFillHours: 6,
  diskFreeRatioPage: 0.12,
  diskFreeRatioLow: 0.03,
  inodesFreeRatio: 0.2,
  networkErrorRatio: 0.02,
  clockOffsetSeconds: 0.1,
} satisfies Record<keyof typeof DEFAULT_THRESHOLDS, number>;

const scratch = mkdtempSync(join(tmpdir(), 'sextant-pack-node-'));
let defaults: PackProject;
let overridden: PackProject;

beforeAll(async () => {
  [defaults, overridden] = await Promise.all([packProject(IMPORT, 'node()'), packProject(IMPORT, `node({ job: 'hosts', thresholds: ${JSON.stringify(OVERRIDES)} })`)]);
}, 120_000);

afterAll(() => {
  defaults?.project.remove();
  overridden?.project.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** promtool test rules over the pack's test files, written out as generate would. */
async function promtoolTests(files: readonly GeneratedFile[], name: string) {
  const dir = join(scratch, name);
  for (const file of files.filter((f) => f.path.startsWith('prometheus/'))) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return runCommand('promtool', ['test', 'rules', 'tests/node.test.yml', 'tests/node.edges.test.yml'], { cwd: join(dir, 'prometheus') });
}

const content = (files: readonly GeneratedFile[], path: string) => files.find((file) => file.path === path)?.content ?? '';

describe('the node pack', () => {
  it('is offered by the package', () => {
    expect(PACKS.map((pack) => pack.name)).toContain('node');
  });

  it('describes the node_exporter the package fetches (tools/versions.json)', () => {
    const pins = JSON.parse(readFileSync(join(REPO, 'generator/tools/versions.json'), 'utf8')) as { nodeExporter: { version: string } };
    expect(NODE_EXPORTER_VERSION).toBe(pins.nodeExporter.version);
  });

  it('generates its rules, tests, dashboard and scrape job under the default job', () => {
    const paths = defaults.files.map((file) => file.path);
    expect(paths).toEqual(expect.arrayContaining(['prometheus/rules/node.rules.yml', 'prometheus/tests/node.test.yml', 'prometheus/tests/node.edges.test.yml']));
    expect(paths.some((path) => /^grafana\/dashboards\/infrastructure\/.*hosts\.json$/.test(path))).toBe(true);
    expect(content(defaults.files, 'prometheus/prometheus.hosts.yml')).toContain('job_name: node\n');
    expect(content(defaults.files, 'prometheus/prometheus.hosts.yml')).toContain('127.0.0.1:9100');
    expect(content(defaults.files, 'prometheus/tests/node.test.yml')).toContain('job="node"');
  });

  it('passes promtool test rules with its defaults', async () => {
    const result = await promtoolTests(defaults.files, 'defaults');
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  }, 60_000);

  it('puts overridden thresholds and job into the rules, and its tests still pass', async () => {
    const rules = content(overridden.files, 'prometheus/rules/node.rules.yml');
    expect(rules).toContain('> 0.9');
    expect(rules).toContain('6 * 3600');
    expect(rules).not.toContain('> 0.8');
    expect(content(overridden.files, 'prometheus/tests/node.test.yml')).toContain('job="hosts"');
    expect(content(overridden.files, 'prometheus/prometheus.hosts.yml')).toContain('job_name: hosts\n');
    const result = await promtoolTests(overridden.files, 'overridden');
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  }, 60_000);

  it('refuses a misspelt option or threshold, naming the pack, the key and the nearest known one', async () => {
    const project = scratchProject({
      'sextant.config.ts': `import { defineConfig } from 'sextant';\n${IMPORT}\n\nexport default defineConfig({ packs: [node({ jobb: 'hosts', thresholds: { cpuRatoi: 0.9 } } as never)] });\n`,
    });
    try {
      const result = await runPipeline(project.root);
      expect(result.ok).toBe(false);
      const problems = result.ok ? [] : result.problems.map((p) => `${p.file} ${p.definition} [${p.check}] ${p.message}`);
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^sextant\.config\.ts packs\.node\.jobb \[config-keys\] unknown key 'jobb' in the options of pack 'node', so it would be ignored: did you mean 'job'\?/),
          expect.stringMatching(/^sextant\.config\.ts packs\.node\.thresholds\.cpuRatoi \[config-keys\] unknown key 'cpuRatoi' in the thresholds of pack 'node', so it would be ignored: did you mean 'cpuRatio'\?/),
        ]),
      );
    } finally {
      project.remove();
    }
  });
});

describe('the node pack against a real node_exporter', () => {
  let exporter: Server;
  let prometheus: Server;

  beforeAll(async () => {
    const port = await freePort();
    exporter = await startServer('prometheus-node-exporter', [`--web.listen-address=127.0.0.1:${port}`], `http://127.0.0.1:${port}`, '/metrics');
    prometheus = await prometheusScraping(mkdtempSync(join(scratch, 'prometheus-')), { node: [`127.0.0.1:${port}`] }, { ruleFiles: defaults.ruleFiles });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([exporter?.stop(), prometheus?.stop()]);
  });

  it('is what verify expects of the node job: no drift', async () => {
    const run = await verifyExporter(defaults.model, exporter.url, 'node');
    expect(run.err).toEqual([]);
    expect(run.clean).toBe(true);
  }, 60_000);

  it('fills every panel of its dashboard that a healthy host fills', async () => {
    expect(await panelsWithoutData(defaults.model, prometheus.url)).toEqual([]);
  }, 60_000);
});
