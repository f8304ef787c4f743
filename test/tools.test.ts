import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROMETHEUS_BINARIES, TOOLS_BIN, missingPrometheusTools } from '../stack/tools.ts';
import { runCommand } from './helpers/command.ts';
import { REPO } from './helpers/project.ts';
import { DEBIAN_TOOLS, minorOf, VERSIONS } from '../versions.ts';
import { ensureTools, missingBinaries } from './helpers/tools.ts';

describe('the tools the tests need', () => {
  it('are all there (the global setup installed them if they were not)', () => {
    expect(missingBinaries()).toEqual([]);
    expect(missingPrometheusTools()).toEqual([]);
  });

  it.each(PROMETHEUS_BINARIES)('%s resolves to the fetched copy, not the system one', async (binary) => {
    const which = await runCommand('sh', ['-c', `command -v ${binary}`]);
    expect(which.stdout.trim()).toBe(`${TOOLS_BIN}/${binary}`);
  });

  it.each(DEBIAN_TOOLS.flatMap((tool) => tool.binaries.map((binary) => ({ binary, program: tool.program }))))(
    '$binary is the minor of $program versions.json pins, which the images run',
    async ({ binary, program }) => {
      // Exporters word it their own way: "version 0.17.2", "Redis Metrics Exporter 1.69.0-1".
      const version = /(?:version|Exporter) v?(\d+\.\d+)\./.exec((await runCommand(binary, ['--version'])).output)?.[1];
      expect(version).toBe(minorOf(VERSIONS[program]));
    },
  );

  it('when missing and not installable, fail with the command that installs them', async () => {
    await expect(ensureTools({ path: '/nonexistent', install: false })).rejects.toThrow('apt-get install -y --no-install-recommends docker-compose');
  });
});

describe('the Debian archive the tools come from (generator/tools/debian-archive.sh)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sextant-apt-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const release = /^VERSION_CODENAME=(.*)$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';

  /** The script under an apt configuration that reads only these sources. */
  const archiveFrom = async (sources: { list?: string; parts?: Record<string, string> }) => {
    const dir = mkdtempSync(join(scratch, 'case-'));
    mkdirSync(join(dir, 'parts'));
    writeFileSync(join(dir, 'sources.list'), sources.list ?? '');
    for (const [name, content] of Object.entries(sources.parts ?? {})) writeFileSync(join(dir, 'parts', name), content);
    writeFileSync(join(dir, 'apt.conf'), `Dir::Etc::SourceList "${dir}/sources.list";\nDir::Etc::SourceParts "${dir}/parts";\n`);
    return runCommand('bash', [join(REPO, 'generator/tools/debian-archive.sh')], { env: { PATH: process.env.PATH, APT_CONFIG: join(dir, 'apt.conf') } });
  };

  it.each([
    {
      name: 'a deb822 .sources file',
      sources: { parts: { 'debian.sources': `Types: deb\nURIs: http://mirror.example.invalid/debian/\nSuites: ${release} ${release}-updates\nComponents: main\n` } },
    },
    { name: 'a one-line deb entry with options', sources: { list: `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://mirror.example.invalid/debian ${release} main\n` } },
    {
      name: 'the release’s own suite, not its security or updates suites',
      sources: {
        list: `deb http://security.example.invalid/debian-security ${release}-security main\ndeb http://updates.example.invalid/debian ${release}-updates main\ndeb http://mirror.example.invalid/debian ${release} main\n`,
      },
    },
  ])('is read from $name', async ({ sources }) => {
    const result = await archiveFrom(sources);
    expect(result.output).toBe('http://mirror.example.invalid/debian\n');
    expect(result.code).toBe(0);
  });

  it.each([
    { name: 'no sources at all', sources: {} },
    { name: 'only security and updates suites', sources: { list: `deb http://security.example.invalid/debian-security ${release}-security main\n` } },
    { name: 'only source packages', sources: { list: `deb-src http://mirror.example.invalid/debian ${release} main\n` } },
  ])('fails saying where to add the mirror with $name', async ({ sources }) => {
    const result = await archiveFrom(sources);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`apt's sources name no Debian archive for '${release}'`);
  });
});

describe('the repository', () => {
  it('names no package host: the archive comes from the machine, the lock file records no download addresses', () => {
    // A workspace link resolves to a folder ("resolved": "generator"); a download address is a URL.
    const hosts = /deb\.debian\.org|security\.debian\.org|ftp\.[a-z.]*debian\.org|archive\.ubuntu\.com|registry\.npmjs\.org|registry\.yarnpkg\.com|"resolved"\s*:\s*"[a-z+]+:/;
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, encoding: 'utf8' }).split('\0').filter(Boolean);
    const naming = tracked.filter((file) => {
      try {
        return hosts.test(readFileSync(join(REPO, file), 'utf8'));
      } catch {
        return false;
      }
    });
    expect(naming).toEqual([]);
  });
});

describe('the pins of `sextant tools`', () => {
  it('are the minors the reference pins: the package fetches by default what the reference proves its rules with', () => {
    const engine = JSON.parse(readFileSync(join(REPO, 'generator/tools/versions.json'), 'utf8')) as Record<string, { version: string; debian: Record<string, string[]> }>;
    const { $comment: _, ...programs } = engine;
    const fetched = Object.entries(programs).flatMap(([program, pin]) => Object.entries(pin.debian).map(([name, binaries]) => ({ package: name, binaries, minor: minorOf(pin.version), program })));
    const reference = DEBIAN_TOOLS.map((tool) => ({ package: tool.package, binaries: [...tool.binaries], minor: minorOf(VERSIONS[tool.program]), program: tool.program }));
    expect(fetched).toEqual(reference);
  });
});
