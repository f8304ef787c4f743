/**
 * `sextant tools`: fetches the programs the checks and the stack run (promtool, Prometheus,
 * Alertmanager, amtool, node_exporter) into the project's .tools/, from Debian trixie's archive
 * through the machine's own apt sources (tools/fetch-debian-tools.sh; the system is left as it is).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from '../cli.ts';
import { FETCHED_TOOLS_DIR } from '../tools.ts';
import { packageDir } from './package-dir.ts';

export const TOOLS_HELP = `Usage: sextant tools [--root DIR] [--pins FILE]

Fetches promtool, Prometheus, Alertmanager, amtool and node_exporter from Debian trixie into
ROOT/${FETCHED_TOOLS_DIR}/, where check, generate and stack look first. Needs a Debian machine
with apt-get (the archive its apt sources name); nothing on the system changes. Does nothing when
every program is there already.

Options:
  --root DIR    project directory (default: the current directory)
  --pins FILE   the versions to fetch (default: the ones this sextant is proven with,
                tools/versions.json in the package); same shape, a "debian" map per program
  -h, --help    show this help

Exit codes: 0 fetched (or already there), 1 the fetch failed, 2 bad usage.
`;

export async function toolsCommand(argv: readonly string[], io: Io): Promise<number> {
  let root: string;
  let pins: string;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { root: { type: 'string', default: '.' }, pins: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      io.out(TOOLS_HELP);
      return 0;
    }
    root = resolve(values.root!);
    pins = values.pins ? resolve(values.pins) : join(packageDir(), 'tools', 'versions.json');
    if (!existsSync(pins)) throw new Error(`--pins ${pins}: no such file`);
  } catch (error) {
    io.err(`sextant tools: ${(error as Error).message}\nRun with --help for usage.`);
    return 2;
  }
  const script = join(packageDir(), 'tools', 'fetch-debian-tools.sh');
  return new Promise((done) => {
    // The script's own lines (apt's progress, the versions fetched) go straight to the terminal.
    const child = spawn('bash', [script, root, pins], { stdio: 'inherit' });
    child.on('error', (error) => {
      io.err(`sextant tools: cannot run bash (${error.message}); the fetch is a bash script using apt-get and dpkg-deb.`);
      done(1);
    });
    child.on('exit', (code) => done(code === 0 ? 0 : 1));
  });
}

