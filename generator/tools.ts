/**
 * Where the engine finds the programs it runs (promtool, amtool, docker-compose): a project's
 * fetched copies first, then PATH. `sextant tools` fetches Prometheus's tools into
 * .tools/trixie/usr/bin (the versions the engine is proven with, rather than the system's older
 * ones), so those win. A missing program is reported with how to get it, never skipped.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** A project's fetched programs, relative to its root. */
export const FETCHED_TOOLS_DIR = join('.tools', 'trixie', 'usr', 'bin');
/** The command that fetches them (commands/tools.ts). */
export const TOOLS_FETCHER = 'npx sextant tools';

export function onPath(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Every path findTool() looks at for `name`, in order: what decides which program a run uses. */
export function toolCandidates(name: string, root: string, path = process.env.PATH ?? ''): string[] {
  return [join(root, FETCHED_TOOLS_DIR), ...path.split(delimiter).filter(Boolean)].map((dir) => join(dir, name));
}

/** The project's fetched copy of `name`, else the first on PATH. */
export function findTool(name: string, root: string, path = process.env.PATH ?? ''): string | undefined {
  return onPath(name, `${join(root, FETCHED_TOOLS_DIR)}${delimiter}${path}`);
}

/** How to get a program the engine runs, for the error that reports it missing. */
export function installHint(name: string): string {
  const fetch = `fetch it into ${FETCHED_TOOLS_DIR}/ with \`${TOOLS_FETCHER}\` (Debian), or `;
  switch (name) {
    case 'promtool':
      return `${fetch}install Prometheus (Debian/Ubuntu: \`apt-get install prometheus\`; or https://prometheus.io/download/) so that promtool is on PATH`;
    case 'amtool':
      return `${fetch}install Alertmanager (Debian/Ubuntu: \`apt-get install prometheus-alertmanager\`; or https://prometheus.io/download/) so that amtool is on PATH`;
    case 'prometheus':
      return `${fetch}install Prometheus (Debian/Ubuntu: \`apt-get install prometheus\`) so that prometheus is on PATH`;
    case 'prometheus-alertmanager':
      return `${fetch}install Alertmanager (Debian/Ubuntu: \`apt-get install prometheus-alertmanager\`) so that prometheus-alertmanager is on PATH`;
    case 'prometheus-node-exporter':
      return `${fetch}install node_exporter (Debian/Ubuntu: \`apt-get install prometheus-node-exporter\`) so that prometheus-node-exporter is on PATH`;
    case 'docker-compose':
      return 'install docker-compose (Debian/Ubuntu: `apt-get install -y --no-install-recommends docker-compose`)';
    default:
      return `install ${name} and put it on PATH`;
  }
}

export function missingToolMessage(name: string, root: string): string {
  return `${name} was not found (looked in ${join(root, FETCHED_TOOLS_DIR)}/ and on PATH): ${installHint(name)}.`;
}
