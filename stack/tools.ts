/**
 * The programs the native stack and the live tests run, and how to tell they are missing.
 *
 * Prometheus, promtool, Alertmanager and node_exporter are Debian trixie's, fetched into the project
 * by stack/install-trixie-tools.sh: the versions the compose stack runs (bookworm's are older, expose
 * other labels, and its promtool lacks Kubernetes discovery). docker-compose, which only validates the
 * compose file, is the machine's Debian package.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROMETHEUS_BINARIES = ['prometheus', 'promtool', 'prometheus-alertmanager', 'amtool', 'prometheus-node-exporter'];
export const TOOLS_BIN = fileURLToPath(new URL('../.tools/trixie/usr/bin', import.meta.url));
export const TOOLS_INSTALLER = fileURLToPath(new URL('./install-trixie-tools.sh', import.meta.url));
export const TOOLS_INSTALL_COMMAND = 'bash stack/install-trixie-tools.sh';

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
