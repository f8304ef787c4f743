/**
 * The kafka pack. Kafka and kafka_exporter are not packaged by Debian, so the pack is proven by its
 * promtool tests and by verify over an exposition written from kafka_exporter 1.7.0's source
 * (test/fixtures/exporters/kafka_exporter-1.7.0.prom). Engine tests: nothing of the reference is read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../generator/pipeline.ts';
import { promtoolTests, serveRecording } from '../helpers/pack-offline.ts';
import { contentOf, packProject, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { scratchProject } from '../helpers/project.ts';

const IMPORT = "import kafka from 'sextant/packs/kafka';";

describe('the kafka pack', () => {
  let base: PackProject;
  let renamed: PackProject;
  beforeAll(async () => {
    [base, renamed] = await Promise.all([
      packProject(IMPORT, 'kafka()'),
      packProject(IMPORT, "kafka({ job: 'events', thresholds: { kafkaConsumerLag: 50_000, kafkaBrokers: 5 } })"),
    ]);
  });
  afterAll(() => {
    base?.project.remove();
    renamed?.project.remove();
  });

  it('generates its rules, tests, dashboard and scrape job, and promtool passes the tests', async () => {
    expect(base.model.dashboards.map((dashboard) => dashboard.title)).toEqual(['Kafka']);
    expect(base.model.scrapeJobs.map((job) => job.name)).toEqual(['kafka']);
    // Only the catalogued families are kept: the cluster's topics and groups grow its series.
    expect(contentOf(base, 'prometheus/prometheus.yml')).toMatch(/regex: kafka_brokers\|kafka_consumergroup_current_offset\|.*\n\s+action: keep/);
    const run = await promtoolTests(base.files);
    expect(run.tests).toEqual(['tests/kafka.edges.test.yml', 'tests/kafka.test.yml']);
    expect(run.code, run.output).toBe(0);
  });

  it('follows overridden thresholds and job name into the rules and their tests, which still pass', async () => {
    const rules = contentOf(renamed, 'prometheus/rules/kafka.rules.yml');
    expect(rules).toContain('kafka_brokers < 5');
    expect(rules).toContain('> 50000');
    const tests = contentOf(renamed, 'prometheus/tests/kafka.test.yml');
    expect(tests).toContain('job="events"');
    expect(tests).toContain('is 80k messages behind on message.events');
    expect(tests).toContain('Kafka has 4 brokers of 5');
    const run = await promtoolTests(renamed.files);
    expect(run.code, run.output).toBe(0);
  });

  it('refuses a misspelt option, naming the pack, the key and the nearest known one', async () => {
    const project = scratchProject({
      'sextant.config.ts': `import { defineConfig } from 'sextant';\n${IMPORT}\nexport default defineConfig({ packs: [kafka({ escalaton: 'the data team' } as never)] });\n`,
    });
    try {
      const result = await runPipeline(project.root);
      const messages = result.ok ? [] : result.problems.map((p) => `${p.file} ${p.definition} [${p.check}] ${p.message}`);
      expect(messages).toContainEqual(expect.stringContaining("sextant.config.ts packs.kafka.escalaton [config-keys] unknown key 'escalaton' in the kafka pack's options, so it would be ignored: did you mean 'escalation'?"));
    } finally {
      project.remove();
    }
  });

  it('verify: kafka_exporter 1.7.0 matches the catalogue', async () => {
    const recording = await serveRecording('kafka_exporter-1.7.0.prom');
    try {
      const report = await verifyExporter(base.model, recording.url, 'kafka');
      expect(report.err, report.err.join('\n')).toEqual([]);
      expect(report.clean).toBe(true);
    } finally {
      await recording.close();
    }
  });
});
