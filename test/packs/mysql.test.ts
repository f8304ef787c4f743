/**
 * The mysql pack: its rules under promtool, its options followed, its misspelt options refused, a
 * recorded mysqld_exporter 0.14 named by verify, and the pack against a real MariaDB with the real
 * mysqld_exporter 0.17 (trixie): verify clean, every panel with data. Engine tests: nothing of the
 * reference is read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../generator/pipeline.ts';
import { runCommand } from '../helpers/command.ts';
import { startMariadb } from '../helpers/data-stores.ts';
import { promtoolTests, serveRecording } from '../helpers/pack-offline.ts';
import { contentOf, exposedOnce, packProject, panelsWithoutData, prometheusScraping, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { scratchProject } from '../helpers/project.ts';
import { freePort, startServer, type Server } from '../helpers/servers.ts';

const IMPORT = "import mysql from 'sextant/packs/mysql';";
const rulesOf = (pack: PackProject) => contentOf(pack, 'prometheus/rules/mysql.rules.yml');
const testsOf = (pack: PackProject) => contentOf(pack, 'prometheus/tests/mysql.test.yml');

describe('the mysql pack', () => {
  let base: PackProject;
  let renamed: PackProject;
  beforeAll(async () => {
    [base, renamed] = await Promise.all([packProject(IMPORT, 'mysql()'), packProject(IMPORT, "mysql({ job: 'db', thresholds: { mysqlConnectionsRatio: 0.9 } })")]);
  });
  afterAll(() => {
    base?.project.remove();
    renamed?.project.remove();
  });

  it('generates its rules, tests, dashboard and scrape job, and promtool passes the tests', async () => {
    expect(base.model.dashboards.map((dashboard) => dashboard.title)).toEqual(['MySQL']);
    expect(base.model.scrapeJobs.map((job) => [job.name, job.targets])).toEqual([['mysql', { compose: ['mysqld-exporter:9104'], hosts: ['127.0.0.1:9104'] }]]);
    const run = await promtoolTests(base.files);
    expect(run.tests).toEqual(['tests/mysql.edges.test.yml', 'tests/mysql.test.yml']);
    expect(run.code, run.output).toBe(0);
  });

  it('follows an overridden threshold and job name into the rule and its tests, which still pass', async () => {
    expect(rulesOf(base)).toContain('> 0.8');
    expect(rulesOf(renamed)).toContain('> 0.9');
    expect(testsOf(renamed)).toContain('job="db"');
    expect(testsOf(renamed)).not.toContain('job="mysql"');
    expect(renamed.model.scrapeJobs.map((job) => job.name)).toEqual(['db']);
    const run = await promtoolTests(renamed.files);
    expect(run.code, run.output).toBe(0);
  });

  it('refuses a misspelt option or threshold, naming the pack, the key and the nearest known one', async () => {
    const project = scratchProject({
      'sextant.config.ts': `import { defineConfig } from 'sextant';\n${IMPORT}\nexport default defineConfig({ packs: [mysql({ jobb: 'db', thresholds: { mysqlConnectionRatio: 0.9 } } as never)] });\n`,
    });
    try {
      const result = await runPipeline(project.root);
      expect(result.ok).toBe(false);
      const messages = result.ok ? [] : result.problems.map((p) => `${p.file} ${p.definition} [${p.check}] ${p.message}`);
      expect(messages).toContainEqual(expect.stringContaining("sextant.config.ts packs.mysql.jobb [config-keys] unknown key 'jobb' in the mysql pack's options, so it would be ignored: did you mean 'job'?"));
      expect(messages).toContainEqual(
        expect.stringContaining("unknown key 'mysqlConnectionRatio' in the mysql pack's thresholds, so it would be ignored: did you mean 'mysqlConnectionsRatio'?"),
      );
    } finally {
      project.remove();
    }
  });

  it('names mysqld_exporter 0.14 in verify, from a recording of the real 0.14.0 (bookworm)', async () => {
    const recording = await serveRecording('mysqld_exporter-0.14.0.prom');
    try {
      const report = await verifyExporter(base.model, recording.url, 'mysql');
      expect(report.clean).toBe(false);
      expect(report.err.join('\n')).toMatch(/version\s+mysql_exporter_scrapes_total: only mysqld_exporter 0\.14 and older exposes it: this looks like mysqld_exporter 0\.14 and older, and the mysqld_exporter domain describes mysqld_exporter 0\.17\.2; .*upgrade it to 0\.15 or later/);
      // Its names are otherwise those the pack reads: the version is the one difference.
      expect(report.err[0]).toContain('1 difference(s) from the catalogue (mysqld_exporter)');
    } finally {
      await recording.close();
    }
  });
});

describe('the mysql pack against a real MariaDB and mysqld_exporter 0.17', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-mysql-'));
  let pack: PackProject;
  let mariadb: Awaited<ReturnType<typeof startMariadb>> | undefined;
  let exporter: Server | undefined;
  let prometheus: Server | undefined;

  beforeAll(async () => {
    mariadb = await startMariadb(dir);
    const client = (sql: string) => runCommand('mariadb', ['--no-defaults', `--socket=${mariadb!.socket}`, '--user=root', '--execute', sql]);
    // localhost: the my.cnf's socket; 127.0.0.1: TCP, as the compose file sextant init writes connects.
    const grant = await client(
      ['localhost', '127.0.0.1'].map((host) => `CREATE USER 'exporter'@'${host}' IDENTIFIED BY 'exporter'; GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'${host}';`).join(' '),
    );
    if (grant.code !== 0) throw new Error(`could not create the exporter's user:\n${grant.output}`);
    // 0.15 and later read the connection from a my.cnf (DATA_SOURCE_NAME is 0.14's).
    writeFileSync(join(dir, 'exporter.cnf'), `[client]\nuser=exporter\npassword=exporter\nsocket=${mariadb.socket}\n`);
    const exporterPort = await freePort();
    // One after the other, so what started is stopped by afterAll whatever fails next.
    exporter = await startServer('prometheus-mysqld-exporter', [`--config.my-cnf=${join(dir, 'exporter.cnf')}`, `--web.listen-address=127.0.0.1:${exporterPort}`], `http://127.0.0.1:${exporterPort}`, '/metrics');
    pack = await packProject(IMPORT, `mysql({ targets: { compose: ['mysqld-exporter:9104'], hosts: ['127.0.0.1:${exporterPort}'] } })`);
    prometheus = await prometheusScraping(dir, { mysql: [`127.0.0.1:${exporterPort}`] });
  });

  afterAll(async () => {
    await prometheus?.stop();
    await exporter?.stop();
    await mariadb?.stop();
    pack?.project.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verify finds what the catalogue describes, with MySQL up', async () => {
    const report = await verifyExporter(pack.model, exporter!.url, 'mysql');
    expect(report.err, report.err.join('\n')).toEqual([]);
    expect(report.clean).toBe(true);
    const up = await (await fetch(`${exporter!.url}/metrics`)).text();
    expect(up).toMatch(/^mysql_up 1$/m);
  });

  it('every panel of its dashboard returns data', async () => {
    expect(await panelsWithoutData(pack.model, prometheus!.url)).toEqual([]);
  });

  it("connects with the flags and variable of the compose service sextant init writes, without a my.cnf", async () => {
    const exposed = await exposedOnce(
      'prometheus-mysqld-exporter',
      (port) => [`--mysqld.address=127.0.0.1:${mariadb!.port}`, '--mysqld.username=exporter', `--web.listen-address=127.0.0.1:${port}`],
      { HOME: dir, MYSQLD_EXPORTER_PASSWORD: 'exporter' },
    );
    expect(exposed).toMatch(/^mysql_up 1$/m);
  });
});
