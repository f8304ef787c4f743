/**
 * The postgres pack: a project that lists only it generates, its alert tests pass promtool, a
 * renamed job and a threshold override reach the rules and their tests, a misspelt option is
 * refused; and against a real PostgreSQL and postgres_exporter, its catalogue matches /metrics and
 * every panel of its dashboard shows data.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess } from '../../generator/stack/process.ts';
import { runCommand } from '../helpers/command.ts';
import { startPostgres, type DataStore } from '../helpers/data-stores.ts';
import { contentOf, exposedOnce, packProblems, packProject, panelsWithoutData, prometheusScraping, runbookQueriesWithoutData, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { freePort, type Server } from '../helpers/servers.ts';

const IMPORT = "import postgres from 'sextant/packs/postgres';";

/** promtool test rules over every generated test file of the project. */
async function promtoolTests(pack: PackProject) {
  const dir = join(pack.project.root, 'generated/prometheus');
  const files = readdirSync(join(dir, 'tests')).map((file) => `tests/${file}`);
  return runCommand('promtool', ['test', 'rules', ...files], { cwd: dir });
}

describe('the postgres pack', () => {
  let pack: PackProject;
  beforeAll(async () => {
    pack = await packProject(IMPORT, 'postgres()');
  });
  afterAll(() => pack?.project.remove());

  it('generates its alerts, dashboard and scrape job (postgres on 9187) with no problem', () => {
    expect(pack.model.rules.flatMap((file) => file.alerts.map((alert) => alert.name))).toEqual([
      'PostgresqlDown', 'PostgresqlConnectionsNearLimit', 'PostgresqlDeadlocks', 'PostgresqlCacheHitRatioLow', 'PostgresqlLongTransaction', 'PostgresqlReplicationLag',
    ]);
    expect(pack.model.dashboards.map((dashboard) => dashboard.name)).toEqual(['postgres']);
    const job = pack.model.scrapeJobs.find((scrape) => scrape.name === 'postgres');
    expect(job?.targets.hosts).toEqual(['127.0.0.1:9187']);
    expect(job?.kubernetes).toMatchObject({ podLabels: { 'app.kubernetes.io/name': 'prometheus-postgres-exporter' }, port: 9187 });
  });

  it('passes promtool test rules over its hand-written and generated tests', async () => {
    const result = await promtoolTests(pack);
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.code, result.output).toBe(0);
  });

  it('follows a renamed job and an overridden threshold into its rules and their tests', async () => {
    const renamed = await packProject(IMPORT, "postgres({ job: 'db', thresholds: { transactionSeconds: 1800 } })");
    try {
      const rules = contentOf(renamed, 'prometheus/rules/postgres.rules.yml');
      expect(rules).toContain('max by (job, instance, datname) (pg_stat_activity_max_tx_duration) > 1800');
      expect(rules).toContain('(more than 30m)');
      expect(contentOf(renamed, 'prometheus/tests/postgres.test.yml')).toContain('job="db"');
      expect(renamed.model.scrapeJobs.map((job) => job.name)).toEqual(['db']);
      const result = await promtoolTests(renamed);
      expect(result.code, result.output).toBe(0);
    } finally {
      renamed.project.remove();
    }
  });

  it.each([
    ['postgres({ thresholds: { conectionsRatio: 0.9 } })', 'packs.postgres.thresholds.conectionsRatio', "unknown key 'conectionsRatio' in the postgres pack's thresholds, so it would be ignored: did you mean 'connectionsRatio'?"],
    ["postgres({ folders: 'Databases' })", 'packs.postgres.folders', "unknown key 'folders' in the postgres pack's options, so it would be ignored: did you mean 'folder'?"],
  ])('refuses a misspelt name: %s', async (call, definition, message) => {
    expect(await packProblems(IMPORT, call)).toEqual([expect.objectContaining({ file: 'sextant.config.ts', definition, check: 'config-keys', message: expect.stringContaining(message) })]);
  });

  describe('against a real PostgreSQL and postgres_exporter', () => {
    // Its own directory: PostgreSQL runs as the postgres user when the tests run as root, and owns it.
    let dir = '';
    let server: DataStore | undefined;
    let exporter: Server | undefined;
    let prometheus: Server | undefined;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sextant-postgres-pack-'));
      server = await startPostgres(dir);
      const port = await freePort();
      exporter = await startProcess({
        name: 'postgres_exporter',
        command: 'prometheus-postgres-exporter',
        args: [`--web.listen-address=127.0.0.1:${port}`],
        env: { ...process.env, DATA_SOURCE_NAME: `postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable` },
        url: `http://127.0.0.1:${port}`,
        readyPath: '/metrics',
      });
      prometheus = await prometheusScraping(dir, { postgres: [`127.0.0.1:${port}`] }, { ruleFiles: pack.ruleFiles });
    });
    afterAll(async () => {
      await prometheus?.stop();
      await exporter?.stop();
      await server?.stop();
      if (dir !== '') rmSync(dir, { recursive: true, force: true });
    });

    it("matches the exporter's /metrics (verify is clean)", async () => {
      const verified = await verifyExporter(pack.model, exporter!.url, 'postgres');
      expect(verified.err).toEqual([]);
      expect(verified.clean).toBe(true);
    });

    it('shows data on every panel of its dashboard', async () => {
      expect(await panelsWithoutData(pack.model, prometheus!.url)).toEqual([]);
    });

    it("answers every alert's runbook query (its compared quantity) from the real exporter's series", async () => {
      expect(await runbookQueriesWithoutData(pack.model, prometheus!.url)).toEqual([]);
    });
    it('connects with the variables of the compose service sextant init writes (DATA_SOURCE_URI, _USER, _PASS)', async () => {
      const exposed = await exposedOnce('prometheus-postgres-exporter', (port) => [`--web.listen-address=127.0.0.1:${port}`], {
        DATA_SOURCE_URI: `127.0.0.1:${server!.port}/postgres?sslmode=disable`,
        DATA_SOURCE_USER: 'postgres',
        DATA_SOURCE_PASS: 'unused-under-trust',
      });
      expect(exposed).toMatch(/^pg_up 1$/m);
    });
  });
});
