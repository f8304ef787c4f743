/**
 * The programs the reference's stack and live tests run, and how to tell they are missing.
 *
 * Prometheus, promtool, Alertmanager and node_exporter are Debian trixie's, fetched into the project
 * by `sextant tools --pins versions.json` (`npm run tools`): the minors versions.json pins, which the images run (bookworm's
 * are older, expose other labels, and its promtool lacks Kubernetes discovery), with the exporters the packs are
 * proven against. docker-compose and the data stores are the machine's Debian packages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alertmanagerCommand as packageAlertmanagerCommand, type Command } from '../generator/stack/tools.ts';
import { FETCHED_TOOLS_DIR } from '../generator/tools.ts';
import { DEBIAN_TOOLS } from '../versions.ts';

export const PROMETHEUS_BINARIES = DEBIAN_TOOLS.flatMap((tool) => tool.binaries);
const PROJECT = fileURLToPath(new URL('..', import.meta.url));
/** Where the engine looks first too (generator/tools.ts), so `npm run check` runs the same programs. */
export const TOOLS_BIN = join(PROJECT, FETCHED_TOOLS_DIR);
/** The package's fetcher with this project's pins, as `npm run tools` runs it. */
export const TOOLS_FETCH = { command: join(PROJECT, 'node_modules', '.bin', 'sextant'), args: ['tools', '--root', PROJECT, '--pins', join(PROJECT, 'versions.json')] } as const;
export const TOOLS_INSTALL_COMMAND = 'npm run tools';

/**
 * The machine's own Debian packages the tests run, each with a program that shows it is installed:
 * docker-compose validates the compose file; MariaDB, Redis and PostgreSQL are the servers the
 * packs' exporters are proven against (each test starts its own, on a free port).
 */
const DEBIAN_PROGRAMS = { 'docker-compose': 'docker-compose', 'mariadb-server': 'mariadbd', 'redis-server': 'redis-server', postgresql: 'pg_ctlcluster' } as const;
export const DEBIAN_PACKAGES = Object.keys(DEBIAN_PROGRAMS) as (keyof typeof DEBIAN_PROGRAMS)[];
export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;

/** The packages of those programs that are missing. */
export function missingPackages(path = process.env.PATH ?? ''): string[] {
  return DEBIAN_PACKAGES.filter((name) => missingBinaries([DEBIAN_PROGRAMS[name]], path).length > 0);
}

/** PATH with the fetched Prometheus tools first, so they win over any of the system's. */
export function pathWithTools(path = process.env.PATH ?? ''): string {
  return `${TOOLS_BIN}:${path}`;
}

export function missingPrometheusTools(): string[] {
  return PROMETHEUS_BINARIES.filter((binary) => !existsSync(join(TOOLS_BIN, binary)));
}

/** The programs not found on PATH, nor in the system directories (mariadbd lives in /usr/sbin, which a user's PATH may lack). */
export function missingBinaries(binaries: readonly string[] = Object.values(DEBIAN_PROGRAMS), path = process.env.PATH ?? ''): string[] {
  return binaries.filter((binary) => spawnSync('sh', ['-c', `command -v ${binary}`], { env: { ...process.env, PATH: `${path}:/usr/sbin:/sbin` } }).status !== 0);
}

/** Alertmanager as the package's stack starts it (generator/stack/tools.ts), from the fetched tools. */
export function alertmanagerCommand(args: readonly string[]): Command {
  return packageAlertmanagerCommand(join(TOOLS_BIN, 'prometheus-alertmanager'), args);
}
