/**
 * The programs the tests run for real. Prometheus, the exporters and friends are fetched into .tools/
 * (no root needed, only apt-get); docker-compose, MariaDB, Redis and PostgreSQL are installed from
 * Debian when this process may (root with apt-get). Otherwise the run fails saying how to install them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { INSTALL_COMMAND, TOOLS_INSTALL_COMMAND, TOOLS_FETCH, missingBinaries, missingPackages, missingPrometheusTools } from '../../stack/tools.ts';

export { missingBinaries };

function hasAptGet(): boolean {
  return spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
}

export async function ensureTools(options: { path?: string; install?: boolean } = {}): Promise<void> {
  const path = options.path ?? process.env.PATH ?? '';
  let missing = missingPackages(path);
  if (missing.length > 0 && (options.install ?? (process.getuid?.() === 0 && hasAptGet()))) {
    process.stderr.write(`Installing ${missing.join(', ')} with apt-get…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
    missing = missingPackages(path);
  }
  if (missing.length > 0) throw new Error(`The tests need ${missing.join(', ')}. Install them with:\n  sudo ${INSTALL_COMMAND}`);
  if (missingPrometheusTools().length > 0 && (options.install ?? hasAptGet())) execFileSync(TOOLS_FETCH.command, TOOLS_FETCH.args, { stdio: 'inherit' });
  const tools = missingPrometheusTools();
  if (tools.length > 0) throw new Error(`The tests need ${tools.join(', ')} (Debian trixie's, the compose stack's versions). Fetch them with:\n  ${TOOLS_INSTALL_COMMAND}`);
}
