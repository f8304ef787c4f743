/**
 * The programs the native stack and the live tests run, and how to tell they are missing.
 *
 * Prometheus, promtool, Alertmanager and node_exporter are Debian trixie's, fetched into the project
 * by `sextant tools --pins versions.json` (`npm run tools`): the minors versions.json pins, which the images run (bookworm's
 * are older, expose other labels, and its promtool lacks Kubernetes discovery). docker-compose, which only validates the
 * compose file, is the machine's Debian package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FETCHED_TOOLS_DIR } from '../generator/tools.ts';
import { DEBIAN_TOOLS } from '../versions.ts';

export const PROMETHEUS_BINARIES = DEBIAN_TOOLS.flatMap((tool) => tool.binaries);
const PROJECT = fileURLToPath(new URL('..', import.meta.url));
/** Where the engine looks first too (generator/tools.ts), so `npm run check` runs the same programs. */
export const TOOLS_BIN = join(PROJECT, FETCHED_TOOLS_DIR);
/** The fetched packages' /usr/share: Alertmanager's notification templates among them. */
export const TOOLS_SHARE = join(TOOLS_BIN, '..', 'share');
/** The package's fetcher with this project's pins, as `npm run tools` runs it. */
export const TOOLS_FETCH = { command: join(PROJECT, 'node_modules', '.bin', 'sextant'), args: ['tools', '--root', PROJECT, '--pins', join(PROJECT, 'versions.json')] } as const;
export const TOOLS_INSTALL_COMMAND = 'npm run tools';

export const DEBIAN_PACKAGES = ['docker-compose'];
export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;

/** PATH with the fetched Prometheus tools first, so they win over any of the system's. */
export function pathWithTools(path = process.env.PATH ?? ''): string {
  return `${TOOLS_BIN}:${path}`;
}

export function missingPrometheusTools(): string[] {
  return PROMETHEUS_BINARIES.filter((binary) => !existsSync(join(TOOLS_BIN, binary)));
}

export function missingBinaries(binaries: readonly string[] = DEBIAN_PACKAGES, path = process.env.PATH ?? ''): string[] {
  return binaries.filter((binary) => spawnSync('sh', ['-c', `command -v ${binary}`], { env: { ...process.env, PATH: path } }).status !== 0);
}

/**
 * Debian's Alertmanager reads its notification templates (default.tmpl, then email.tmpl) from this
 * system path, wherever the binary was unpacked, and exits at start-up without them.
 */
export const DEBIAN_ALERTMANAGER_TEMPLATES = '/usr/share/prometheus/alertmanager';

export interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * Runs a command in a private mount namespace in which the fetched packages' /usr/share is laid
 * over the system's (a read-only overlay), so Alertmanager finds the templates it was packaged with
 * and the system is left as it is. Root needs only a mount namespace; other users get one inside a
 * user namespace where they are root. `sh` mounts, then execs: the PID stays the program's.
 */
function withPackagedShare(command: string, args: readonly string[]): Command {
  const namespace = process.getuid?.() === 0 ? ['--mount'] : ['--user', '--map-root-user', '--mount'];
  const script = 'mount -t overlay sextant-share -o "lowerdir=$1:/usr/share" /usr/share && shift && exec "$@"';
  return { command: 'unshare', args: [...namespace, 'sh', '-c', script, 'sh', TOOLS_SHARE, command, ...args] };
}

let namespaceProblem: string | undefined | null = null;

/** Why the overlay cannot be made here (undefined when it can), found once by trying it. */
function packagedShareProblem(): string | undefined {
  if (namespaceProblem !== null) return namespaceProblem;
  if (/[:,]/.test(TOOLS_SHARE)) return (namespaceProblem = `the project's path contains ':' or ',', which an overlay mount cannot take (${TOOLS_SHARE})`);
  const probe = withPackagedShare('test', ['-f', join(DEBIAN_ALERTMANAGER_TEMPLATES, 'default.tmpl')]);
  const result = spawnSync(probe.command, [...probe.args], { encoding: 'utf8' });
  namespaceProblem = result.status === 0 ? undefined : (result.error?.message ?? (result.stderr.trim() || `exit code ${String(result.status)}`));
  return namespaceProblem;
}

/**
 * How to start the fetched Alertmanager so that it finds its templates: through the overlay, or
 * as it is where the system already has them (Debian's own package installed). Otherwise an error
 * that says why and what to do.
 */
export function alertmanagerCommand(args: readonly string[]): Command {
  const problem = packagedShareProblem();
  if (problem === undefined) return withPackagedShare('prometheus-alertmanager', args);
  if (existsSync(join(DEBIAN_ALERTMANAGER_TEMPLATES, 'default.tmpl'))) return { command: 'prometheus-alertmanager', args };
  throw new Error(
    [
      `Alertmanager (Debian's build) reads its templates from ${DEBIAN_ALERTMANAGER_TEMPLATES}/, which this system lacks,`,
      `and a private mount namespace that would lay the fetched copy over it could not be made (${problem}).`,
      'Run as root, allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 or your distribution\'s equivalent),',
      'or install the two templates where the binary reads them:',
      `  sudo install -D -m 0644 -t ${DEBIAN_ALERTMANAGER_TEMPLATES} ${join(TOOLS_SHARE, 'prometheus/alertmanager')}/default.tmpl ${join(TOOLS_SHARE, 'prometheus/alertmanager')}/email.tmpl`,
    ].join('\n'),
  );
}
