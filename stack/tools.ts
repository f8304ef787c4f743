/** The Debian programs the native stack and the live tests run, and how to tell they are missing. */
import { spawnSync } from 'node:child_process';

export const DEBIAN_PACKAGES = ['prometheus', 'prometheus-alertmanager', 'prometheus-node-exporter', 'docker-compose'];
/** Binary names of the Debian packages (there is no `alertmanager` binary there). */
export const BINARIES = ['prometheus', 'promtool', 'prometheus-alertmanager', 'amtool', 'prometheus-node-exporter', 'docker-compose'];
export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;

export function missingBinaries(binaries: readonly string[] = BINARIES, path = process.env.PATH ?? ''): string[] {
  return binaries.filter((binary) => spawnSync('sh', ['-c', `command -v ${binary}`], { env: { ...process.env, PATH: path } }).status !== 0);
}
