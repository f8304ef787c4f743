/**
 * The programs the native stack runs, found as every command finds its tools (`findTool()`: the
 * project's `.tools/trixie/usr/bin`, then PATH), and how Debian's Alertmanager is started.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findTool, missingToolMessage } from '../tools.ts';

/** Debian's names of the programs the stack starts. */
export const STACK_PROGRAMS = { prometheus: 'prometheus', alertmanager: 'prometheus-alertmanager', nodeExporter: 'prometheus-node-exporter' } as const;

export interface Command {
  readonly command: string;
  readonly args: readonly string[];
}

/** The program's path, or an error that says how to get it (`npx sextant tools`). */
export function requireTool(name: string, root: string): string {
  const path = findTool(name, root);
  if (!path) throw new Error(missingToolMessage(name, root));
  return path;
}

/**
 * Debian's Alertmanager reads its notification templates (default.tmpl, then email.tmpl) from this
 * system path, wherever the binary was unpacked, and exits at start-up without them.
 */
export const DEBIAN_ALERTMANAGER_TEMPLATES = '/usr/share/prometheus/alertmanager';

/** The /usr/share of the package a binary was unpacked from (`…/usr/bin/x` → `…/usr/share`). */
export const shareOf = (binary: string): string => join(dirname(binary), '..', 'share');

/**
 * Runs a command in a private mount namespace in which the fetched package's /usr/share is laid
 * over the system's (a read-only overlay), so Alertmanager finds the templates it was packaged with
 * and the system is left as it is. Root needs only a mount namespace; other users get one inside a
 * user namespace where they are root. `sh` mounts, then execs: the PID stays the program's.
 */
function withPackagedShare(share: string, command: string, args: readonly string[]): Command {
  const namespace = process.getuid?.() === 0 ? ['--mount'] : ['--user', '--map-root-user', '--mount'];
  const script = 'mount -t overlay sextant-share -o "lowerdir=$1:/usr/share" /usr/share && shift && exec "$@"';
  return { command: 'unshare', args: [...namespace, 'sh', '-c', script, 'sh', share, command, ...args] };
}

const namespaceProblems = new Map<string, string | undefined>();

/** Why the overlay of `share` cannot be made here (undefined when it can), found once by trying it. */
function packagedShareProblem(share: string): string | undefined {
  if (namespaceProblems.has(share)) return namespaceProblems.get(share);
  let problem: string | undefined;
  if (/[:,]/.test(share)) problem = `the path contains ':' or ',', which an overlay mount cannot take (${share})`;
  else if (!existsSync(join(share, 'prometheus/alertmanager/default.tmpl'))) problem = `${share} holds no Alertmanager templates`;
  else {
    const probe = withPackagedShare(share, 'test', ['-f', join(DEBIAN_ALERTMANAGER_TEMPLATES, 'default.tmpl')]);
    const result = spawnSync(probe.command, [...probe.args], { encoding: 'utf8' });
    problem = result.status === 0 ? undefined : (result.error?.message ?? (result.stderr.trim() || `exit code ${String(result.status)}`));
  }
  namespaceProblems.set(share, problem);
  return problem;
}

/**
 * How to start Alertmanager (`binary`) so that it finds its templates: through the overlay of its
 * package's /usr/share, or as it is where the system has them (Debian's own package installed).
 * Otherwise an error that says why and what to do.
 */
export function alertmanagerCommand(binary: string, args: readonly string[]): Command {
  const share = shareOf(binary);
  const problem = packagedShareProblem(share);
  if (problem === undefined) return withPackagedShare(share, binary, args);
  if (existsSync(join(DEBIAN_ALERTMANAGER_TEMPLATES, 'default.tmpl'))) return { command: binary, args };
  throw new Error(
    [
      `Alertmanager (Debian's build) reads its templates from ${DEBIAN_ALERTMANAGER_TEMPLATES}/, which this system lacks,`,
      `and a private mount namespace that would lay the fetched copy over it could not be made (${problem}).`,
      "Run as root, allow unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1 or your distribution's equivalent),",
      'or install the two templates where the binary reads them:',
      `  sudo install -D -m 0644 -t ${DEBIAN_ALERTMANAGER_TEMPLATES} ${join(share, 'prometheus/alertmanager')}/default.tmpl ${join(share, 'prometheus/alertmanager')}/email.tmpl`,
    ].join('\n'),
  );
}
