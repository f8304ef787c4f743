/** The Debian programs the native stack and the live tests run, and how to tell they are missing. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const DEBIAN_PACKAGES = ['prometheus', 'prometheus-alertmanager', 'prometheus-node-exporter', 'docker-compose'];
/** Binary names of the Debian packages (there is no `alertmanager` binary there). */
export const BINARIES = ['prometheus', 'promtool', 'prometheus-alertmanager', 'amtool', 'prometheus-node-exporter', 'docker-compose'];
export const INSTALL_COMMAND = `apt-get install -y --no-install-recommends ${DEBIAN_PACKAGES.join(' ')}`;

/**
 * Debian trixie's promtool 2.53, unpacked inside the project by the script below: built with
 * Kubernetes discovery (bookworm's rejects `kubernetes_sd_configs`), and the minor of the compose image.
 */
export const TRIXIE_PROMTOOL = fileURLToPath(new URL('../.tools/promtool-trixie/usr/bin/promtool', import.meta.url));
export const TRIXIE_PROMTOOL_INSTALLER = fileURLToPath(new URL('./install-trixie-promtool.sh', import.meta.url));
export const TRIXIE_PROMTOOL_INSTALL_COMMAND = 'bash stack/install-trixie-promtool.sh';

export function missingBinaries(binaries: readonly string[] = BINARIES, path = process.env.PATH ?? ''): string[] {
  return binaries.filter((binary) => spawnSync('sh', ['-c', `command -v ${binary}`], { env: { ...process.env, PATH: path } }).status !== 0);
}

export function hasTrixiePromtool(): boolean {
  return existsSync(TRIXIE_PROMTOOL);
}
