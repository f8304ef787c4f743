/**
 * The mongodb pack. MongoDB and percona's mongodb_exporter are not packaged by Debian, so the pack
 * is proven by its promtool tests and by verify over expositions written from the exporters'
 * sources at their versions (test/fixtures/exporters/, each citing its source): percona 0.40 is
 * clean, with --compatible-mode too, and dcu's exporter (Debian's) is named. Engine tests: nothing
 * of the reference is read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../generator/pipeline.ts';
import { promtoolTests, serveRecording, serveText } from '../helpers/pack-offline.ts';
import { contentOf, packProject, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { REPO, scratchProject } from '../helpers/project.ts';

const IMPORT = "import mongodb from 'sextant/packs/mongodb';";

describe('the mongodb pack', () => {
  let base: PackProject;
  let renamed: PackProject;
  beforeAll(async () => {
    [base, renamed] = await Promise.all([packProject(IMPORT, 'mongodb()'), packProject(IMPORT, "mongodb({ job: 'mongo', thresholds: { mongodbConnectionsRatio: 0.9 } })")]);
  });
  afterAll(() => {
    base?.project.remove();
    renamed?.project.remove();
  });

  it('generates its rules, tests, dashboard and scrape job, and promtool passes the tests', async () => {
    expect(base.model.dashboards.map((dashboard) => dashboard.title)).toEqual(['MongoDB']);
    expect(base.model.scrapeJobs.map((job) => [job.name, job.timeout])).toEqual([['mongodb', '15s']]);
    const run = await promtoolTests(base.files);
    expect(run.tests).toEqual(['tests/mongodb.edges.test.yml', 'tests/mongodb.test.yml']);
    expect(run.code, run.output).toBe(0);
  });

  it('follows an overridden threshold and job name into the rule and its tests, which still pass', async () => {
    expect(contentOf(base, 'prometheus/rules/mongodb.rules.yml')).toContain('> 0.8');
    expect(contentOf(renamed, 'prometheus/rules/mongodb.rules.yml')).toContain('> 0.9');
    expect(contentOf(renamed, 'prometheus/tests/mongodb.test.yml')).toContain('job="mongo"');
    expect(contentOf(renamed, 'prometheus/tests/mongodb.test.yml')).toContain('900 of 1,000: at the threshold');
    const run = await promtoolTests(renamed.files);
    expect(run.code, run.output).toBe(0);
  });

  it('refuses a misspelt threshold, naming the pack, the key and the nearest known one', async () => {
    const project = scratchProject({
      'sextant.config.ts': `import { defineConfig } from 'sextant';\n${IMPORT}\nexport default defineConfig({ packs: [mongodb({ thresholds: { mongoConnectionsRatio: 0.9 } } as never)] });\n`,
    });
    try {
      const result = await runPipeline(project.root);
      const messages = result.ok ? [] : result.problems.map((p) => `${p.file} ${p.definition} [${p.check}] ${p.message}`);
      expect(messages).toContainEqual(
        expect.stringContaining("sextant.config.ts packs.mongodb.thresholds.mongoConnectionsRatio [config-keys] unknown key 'mongoConnectionsRatio' in the mongodb pack's thresholds, so it would be ignored: did you mean 'mongodbConnectionsRatio'?"),
      );
    } finally {
      project.remove();
    }
  });

  it('verify: percona mongodb_exporter 0.40 matches the catalogue, with --compatible-mode too', async () => {
    const recording = await serveRecording('mongodb_exporter-percona-0.40.0.prom');
    // --compatible-mode adds the 0.1x names beside percona's own (exporter/v1_compatibility.go).
    const percona = readFileSync(join(REPO, 'test/fixtures/exporters/mongodb_exporter-percona-0.40.0.prom'), 'utf8');
    const compatible = await serveText(
      `${percona}# TYPE mongodb_connections untyped\nmongodb_connections{state="current"} 12\n# TYPE mongodb_op_counters_total untyped\nmongodb_op_counters_total{type="insert"} 17\n`,
    );
    try {
      for (const url of [recording.url, compatible.url]) {
        const report = await verifyExporter(base.model, url, 'mongodb');
        expect(report.err, report.err.join('\n')).toEqual([]);
        expect(report.clean).toBe(true);
      }
    } finally {
      await recording.close();
      await compatible.close();
    }
  });

  it("verify names dcu's mongodb_exporter, the one Debian packages", async () => {
    const recording = await serveRecording('mongodb_exporter-dcu-e755a44.prom');
    try {
      const report = await verifyExporter(base.model, recording.url, 'mongodb');
      expect(report.clean).toBe(false);
      const lines = report.err.join('\n');
      expect(lines).toMatch(/version\s+mongodb_connections\{state\}: only dcu\/mongodb_exporter \(Debian's prometheus-mongodb-exporter\) or percona\/mongodb_exporter before 0\.20 exposes it/);
      expect(lines).toContain('run percona/mongodb_exporter 0.20 or later');
      // Said first: it explains the missing names after it.
      expect(report.err[1]).toMatch(/^\s+version/);
      expect(lines).toMatch(/missing\s+mongodb_ss_connections/);
    } finally {
      await recording.close();
    }
  });
});
