/**
 * The redis pack: a project that lists only it generates, its alert tests pass promtool, a
 * renamed job and a threshold override reach the rules and their tests, a misspelt option is
 * refused; and against a real Redis master and replica with their redis_exporters, its catalogue
 * matches /metrics and every panel of its dashboard shows data.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess } from '../../generator/stack/process.ts';
import { runCommand } from '../helpers/command.ts';
import { startRedis } from '../helpers/data-stores.ts';
import { contentOf, packProblems, packProject, panelsWithoutData, prometheusScraping, runbookQueriesWithoutData, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { freePort, type Server } from '../helpers/servers.ts';

const IMPORT = "import redis from 'sextant/packs/redis';";

/** promtool test rules over every generated test file of the project. */
async function promtoolTests(pack: PackProject) {
  const dir = join(pack.project.root, 'generated/prometheus');
  const files = readdirSync(join(dir, 'tests')).map((file) => `tests/${file}`);
  return runCommand('promtool', ['test', 'rules', ...files], { cwd: dir });
}

describe('the redis pack', () => {
  let pack: PackProject;
  beforeAll(async () => {
    pack = await packProject(IMPORT, 'redis()');
  });
  afterAll(() => pack?.project.remove());

  it('generates its alerts, dashboard and scrape job (redis on 9121) with no problem', () => {
    expect(pack.model.rules.flatMap((file) => file.alerts.map((alert) => alert.name))).toEqual([
      'RedisDown', 'RedisClientsNearLimit', 'RedisMemoryNearLimit', 'RedisEvictingKeys', 'RedisRejectingConnections', 'RedisReplicationBroken', 'RedisRdbSaveFailing', 'RedisAofWriteFailing',
    ]);
    expect(pack.model.dashboards.map((dashboard) => dashboard.name)).toEqual(['redis']);
    const job = pack.model.scrapeJobs.find((scrape) => scrape.name === 'redis');
    expect(job?.targets.hosts).toEqual(['127.0.0.1:9121']);
    expect(job?.kubernetes).toMatchObject({ podLabels: { 'app.kubernetes.io/name': 'prometheus-redis-exporter' }, port: 9121 });
  });

  it('passes promtool test rules over its hand-written and generated tests', async () => {
    const result = await promtoolTests(pack);
    expect(result.output).toMatch(/SUCCESS/);
    expect(result.code, result.output).toBe(0);
  });

  it('follows a renamed job and an overridden threshold into its rules and their tests', async () => {
    const renamed = await packProject(IMPORT, "redis({ job: 'cache', thresholds: { clientsRatio: 0.5 } })");
    try {
      const rules = contentOf(renamed, 'prometheus/rules/redis.rules.yml');
      expect(rules).toContain('redis_connected_clients / redis_max_clients > 0.5');
      expect(contentOf(renamed, 'prometheus/tests/redis.test.yml')).toContain('job="cache"');
      expect(renamed.model.scrapeJobs.map((job) => job.name)).toEqual(['cache']);
      const result = await promtoolTests(renamed);
      expect(result.code, result.output).toBe(0);
    } finally {
      renamed.project.remove();
    }
  });

  it.each([
    ["redis({ thresholds: { clientRatio: 0.5 } })", 'packs.redis.thresholds.clientRatio', "unknown key 'clientRatio' in the redis pack's thresholds, so it would be ignored: did you mean 'clientsRatio'?"],
    ["redis({ jobs: 'cache' })", 'packs.redis.jobs', "unknown key 'jobs' in the redis pack's options, so it would be ignored: did you mean 'job'?"],
  ])('refuses a misspelt name: %s', async (call, definition, message) => {
    expect(await packProblems(IMPORT, call)).toEqual([expect.objectContaining({ file: 'sextant.config.ts', definition, check: 'config-keys', message: expect.stringContaining(message) })]);
  });

  /** A master and its replica, each with its exporter: only a replica has a link to a master. */
  describe('against a real Redis master and replica, each with its redis_exporter', () => {
    let dir = '';
    const servers: { stop(): Promise<unknown> }[] = [];
    const exporters: Server[] = [];
    let prometheus: Server | undefined;
    const startExporter = async (redisPort: number) => {
      const port = await freePort();
      const exporter = await startProcess({
        name: 'redis_exporter',
        command: 'prometheus-redis-exporter',
        args: [`--redis.addr=redis://127.0.0.1:${redisPort}`, `--web.listen-address=127.0.0.1:${port}`],
        url: `http://127.0.0.1:${port}`,
        readyPath: '/metrics',
      });
      exporters.push(exporter);
      servers.unshift(exporter);
      return `127.0.0.1:${port}`;
    };
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sextant-redis-pack-'));
      const master = await startRedis(join(dir, 'master'));
      servers.push(master);
      const replica = await startRedis(join(dir, 'replica'), { replicaOf: master.port });
      servers.unshift(replica);
      const targets = [await startExporter(master.port), await startExporter(replica.port)];
      prometheus = await prometheusScraping(dir, { redis: targets }, { ruleFiles: pack.ruleFiles });
      servers.unshift(prometheus);
    });
    afterAll(async () => {
      // Scrapers first, the master last.
      for (const server of servers) await server.stop();
      if (dir !== '') rmSync(dir, { recursive: true, force: true });
    });

    it("matches the replica's exporter /metrics, which has every catalogued metric (verify is clean)", async () => {
      const verified = await verifyExporter(pack.model, exporters[1]!.url, 'redis');
      expect(verified.err).toEqual([]);
      expect(verified.clean).toBe(true);
    });

    it('shows data on every panel of its dashboard', async () => {
      expect(await panelsWithoutData(pack.model, prometheus!.url)).toEqual([]);
    });

    it("answers every alert's runbook query (its compared quantity) from the real exporter's series", async () => {
      expect(await runbookQueriesWithoutData(pack.model, prometheus!.url)).toEqual([]);
    });
  });
});
