/**
 * The Prometheus tools the tests run for real. Found on PATH; otherwise installed from Debian when
 * this process may (root with apt-get); otherwise the run fails saying how to install them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  DEBIAN_PACKAGES,
  INSTALL_COMMAND,
  TRIXIE_PROMTOOL_INSTALL_COMMAND,
  TRIXIE_PROMTOOL_INSTALLER,
  hasTrixiePromtool,
  missingBinaries,
} from '../../stack/tools.ts';

export { missingBinaries };

function hasAptGet(): boolean {
  return spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
}

function mayInstall(): boolean {
  return process.getuid?.() === 0 && hasAptGet();
}

export async function ensureTools(options: { path?: string; install?: boolean } = {}): Promise<void> {
  const path = options.path ?? process.env.PATH ?? '';
  let missing = missingBinaries(undefined, path);
  if (missing.length > 0 && (options.install ?? mayInstall())) {
    process.stderr.write(`Installing ${DEBIAN_PACKAGES.join(', ')} with apt-get (missing: ${missing.join(', ')})…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...DEBIAN_PACKAGES], { stdio: 'inherit', env });
    missing = missingBinaries(undefined, path);
  }
  if (missing.length > 0) throw new Error(`The tests need ${missing.join(', ')}. Install them with:\n  sudo ${INSTALL_COMMAND}`);
  await ensureTrixiePromtool(options);
}

/** Downloading into the project needs apt-get but not root: no system state changes. */
export async function ensureTrixiePromtool(options: { install?: boolean } = {}): Promise<void> {
  if (hasTrixiePromtool()) return;
  if (options.install ?? hasAptGet()) execFileSync('bash', [TRIXIE_PROMTOOL_INSTALLER], { stdio: 'inherit' });
  if (!hasTrixiePromtool()) throw new Error(`The tests need Debian trixie's promtool (Kubernetes discovery, Prometheus 2.53). Fetch it with:\n  ${TRIXIE_PROMTOOL_INSTALL_COMMAND}`);
}
